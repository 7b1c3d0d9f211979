import { EmptyState, formatDate, InlineError, type Locale, useTRPC } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { List, Space, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "../messages";
import { Section } from "./ProfileSections";

/**
 * A zone's published replicable experiences (sc-zone 五(五) "科技厅…向全省示范推广"), promoted ones first and
 * tagged 省科技厅推广. Only what the department published reaches this page: title, text, date.
 */
export function ExperiencesSection({
  platformId,
  locale,
  onBrowse,
}: {
  platformId: string;
  locale: Locale;
  /** The empty state's next step: back to the register. */
  onBrowse: () => void;
}) {
  const { t } = useTranslation(publicNamespace);
  const trpc = useTRPC();
  const published = useQuery(trpc.experiences.published.queryOptions({ platformId }));
  return (
    <Section title={t("experiences.title")} testId="platform-experiences">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("experiences.hint")}
      </Typography.Paragraph>
      {published.isError ? (
        <InlineError error={published.error} />
      ) : published.isPending ? (
        <Spin />
      ) : published.data.length === 0 ? (
        <EmptyState
          title={t("experiences.emptyTitle")}
          description={t("experiences.emptyHint")}
          next={{ label: t("experiences.emptyNext"), onClick: onBrowse }}
        />
      ) : (
        <List
          dataSource={published.data}
          renderItem={(item) => (
            <List.Item data-testid="platform-experience" data-promoted={item.promoted}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    {item.promoted ? (
                      <Tag color="gold" data-testid="experience-promoted">
                        {t("experiences.promoted")}
                      </Tag>
                    ) : null}
                  </Space>
                }
                description={
                  <>
                    <div>{t("experiences.publishedOn", { date: formatDate(item.publishedOn, locale) })}</div>
                    <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                      {item.body}
                    </Typography.Paragraph>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}
