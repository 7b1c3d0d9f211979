import { averageScore } from "@kechuang/domain";
import {
  citationHref,
  ErrorState,
  formatDate,
  InlineError,
  type Locale,
  localized,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { isVersionConflict, newIdempotencyKey } from "../workflow/actions";
import type { ApplicationDetail, OpinionRow } from "../workflow/api";
import { type Criterion, scoresFromForm } from "../workflow/opinion";

const recommendations = ["support", "revise", "oppose"] as const;
type Recommendation = (typeof recommendations)[number];
type OpinionValues = { recommendation: Recommendation; text: string; scores: Record<string, number | null> };
const recommendationColor: Record<string, string> = { support: "green", revise: "gold", oppose: "red" };

/**
 * The expert's consultation opinion with a score per criterion. Other experts' opinions stay hidden
 * until the caller's own is in for this stage: the server enforces it, the card explains it.
 */
export function OpinionCard({
  detail,
  locale,
  onChanged,
}: {
  detail: ApplicationDetail;
  locale: Locale;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const opinions = useQuery(trpc.review.opinions.queryOptions({ applicationId: detail.id }));
  const criteria = detail.criteria;
  if (opinions.isError) return <ErrorState error={opinions.error} onRetry={() => void opinions.refetch()} />;
  if (opinions.isPending) return <Card loading />;
  const mine = opinions.data.find((o) => o.mine && o.stage === detail.stage);
  const others = opinions.data.filter((o) => !o.mine && o.stage === detail.stage);
  return (
    <div data-testid="opinion-card">
      <Typography.Title level={5}>{t("opinion.mine")}</Typography.Title>
      {mine ? (
        <OpinionView opinion={mine} criteria={criteria} locale={locale} testId="opinion-mine" />
      ) : (
        <OpinionForm detail={detail} criteria={criteria} locale={locale} onChanged={onChanged} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("opinion.others")}
      </Typography.Title>
      {!mine ? (
        <Alert type="info" showIcon title={t("opinion.othersHidden")} data-testid="opinions-hidden" />
      ) : others.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("opinion.othersEmpty")} />
      ) : (
        others.map((o, i) => (
          <OpinionView
            key={`${o.author.en}-${i}`}
            opinion={o}
            criteria={criteria}
            locale={locale}
            testId={`opinion-other-${i}`}
          />
        ))
      )}
    </div>
  );
}

export function OpinionView({
  opinion,
  criteria,
  locale,
  testId,
}: {
  opinion: OpinionRow;
  criteria: Criterion[];
  locale: Locale;
  testId: string;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const label = (id: string) => {
    const c = criteria.find((x) => x.id === id);
    return c ? localized(c.label, locale) : id;
  };
  const average = averageScore(opinion.scores);
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={testId}>
      <Typography.Paragraph>
        <strong>{localized(opinion.author, locale)}</strong>{" "}
        <Tag color={recommendationColor[opinion.recommendation]}>
          {t(`opinion.${opinion.recommendation}`, { defaultValue: opinion.recommendation })}
        </Tag>
        {average !== null ? t("opinion.average", { score: average }) : null} ·{" "}
        {formatDate(new Date(opinion.submittedAt), locale)}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{opinion.text}</Typography.Paragraph>
      {opinion.scores.length > 0 ? (
        <Descriptions
          size="small"
          column={2}
          items={opinion.scores.map((s) => ({
            key: s.criterion,
            label: label(s.criterion),
            children: s.score,
          }))}
        />
      ) : null}
    </Card>
  );
}

function OpinionForm({
  detail,
  criteria,
  locale,
  onChanged,
}: {
  detail: ApplicationDetail;
  criteria: Criterion[];
  locale: Locale;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  // One key for this opinion: a resent submission (double click, retry) is stored once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submit = useMutation(
    trpc.review.submitOpinion.mutationOptions({
      onSuccess: async () => {
        void message.success(t("opinion.submitted"));
        await onChanged();
      },
      onError: async (error) => {
        if (!isVersionConflict(error)) return;
        void message.warning(t("actions.conflict"));
        await onChanged();
      },
    }),
  );
  return (
    <Form<OpinionValues>
      layout="vertical"
      style={{ maxWidth: 720 }}
      data-testid="opinion-form"
      initialValues={{ recommendation: "support" }}
      onFinish={(values) =>
        submit.mutate({
          applicationId: detail.id,
          expectedVersion: detail.version,
          recommendation: values.recommendation,
          text: values.text.trim(),
          scores: scoresFromForm(criteria, values.scores ?? {}),
          idempotencyKey,
        })
      }
    >
      <Form.Item name="recommendation" label={t("opinion.recommendation")}>
        <Radio.Group
          data-testid="opinion-recommendation"
          options={recommendations.map((value) => ({ value, label: t(`opinion.${value}`) }))}
        />
      </Form.Item>
      <Typography.Text strong>{t("opinion.scores")}</Typography.Text>
      {criteria.map((c) => (
        <Form.Item
          key={c.id}
          name={["scores", c.id]}
          label={localized(c.label, locale)}
          extra={
            c.prompt || c.citation ? (
              <>
                {c.prompt ? localized(c.prompt, locale) : null}{" "}
                {c.citation ? (
                  <Typography.Link href={citationHref(c.citation)} target="_blank" title={c.citation.quote}>
                    {c.citation.clause}
                  </Typography.Link>
                ) : null}
              </>
            ) : undefined
          }
          rules={[
            {
              required: true,
              message: t("opinion.scoreRequired", { criterion: localized(c.label, locale) }),
            },
          ]}
        >
          <InputNumber min={0} max={100} precision={0} data-testid={`opinion-score-${c.id}`} />
        </Form.Item>
      ))}
      <Form.Item
        name="text"
        label={t("opinion.text")}
        rules={[{ required: true, whitespace: true, message: t("opinion.textRequired") }]}
      >
        <Input.TextArea rows={6} maxLength={20_000} showCount data-testid="opinion-text" />
      </Form.Item>
      {submit.isError && !isVersionConflict(submit.error) ? <InlineError error={submit.error} /> : null}
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="opinion-submit">
        {t("opinion.submit")}
      </Button>
    </Form>
  );
}

/**
 * Every opinion given so far, for the recommender and the authority (who decide on them). The server
 * names experts to the authority only; everyone else sees 专家 A, B ….
 */
export function OpinionsList({ detail, locale }: { detail: ApplicationDetail; locale: Locale }) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const opinions = useQuery(trpc.review.opinions.queryOptions({ applicationId: detail.id }));
  const criteria = detail.criteria;
  if (opinions.isError) return <ErrorState error={opinions.error} onRetry={() => void opinions.refetch()} />;
  if (opinions.isPending) return <Card loading />;
  if (opinions.data.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("opinion.noneYet")} />;
  }
  return (
    <div data-testid="opinions-list">
      {opinions.data.map((o, i) => (
        <div key={`${o.author.en}-${o.stage}-${i}`}>
          <Typography.Text type="secondary">
            {t(`common:stage.${o.stage}`, { defaultValue: o.stage })}
          </Typography.Text>
          <OpinionView opinion={o} criteria={criteria} locale={locale} testId={`opinion-${i}`} />
        </div>
      ))}
    </div>
  );
}
