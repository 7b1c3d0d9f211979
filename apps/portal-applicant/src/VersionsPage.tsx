import {
  EmptyState,
  ErrorState,
  formatDate,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Row, Select, Space, Spin, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { applicantNamespace } from "./messages";

/** Two kept versions side by side, section by section along the outline (the server computes the diff). */
export function VersionsPage({ basePath, locale }: { basePath: string; locale: Locale }) {
  const { id = "" } = useParams();
  const { t } = useTranslation(applicantNamespace);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const versions = useQuery(trpc.applications.versions.queryOptions({ applicationId: id }));
  const [picked, setPicked] = useState<{ a?: number; b?: number }>({});
  const [onlyChanged, setOnlyChanged] = useState(true);
  const list = [...(versions.data ?? [])].sort((x, y) => x.number - y.number);
  const a = picked.a ?? list[list.length - 2]?.number;
  const b = picked.b ?? list[list.length - 1]?.number;
  const comparison = useQuery({
    ...trpc.applications.compareVersions.queryOptions({ applicationId: id, a: a ?? 1, b: b ?? 1 }),
    enabled: a !== undefined && b !== undefined,
  });
  const back = () => navigate(`${basePath}/${id}`);

  const header = (
    <PageHeader
      title={t("versions.title")}
      extra={
        <Button onClick={back} data-testid="versions-back">
          {t("versions.back")}
        </Button>
      }
    />
  );
  if (versions.isPending) return <Spin size="large" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (a === undefined || b === undefined) {
    return (
      <div>
        {header}
        <EmptyState
          title={t("versions.empty")}
          description={t("versions.emptyHint")}
          next={{ label: t("versions.back"), onClick: back }}
        />
      </div>
    );
  }
  const options = list.map((v) => ({
    value: v.number,
    label: t("versions.version", { n: v.number, date: formatDate(new Date(v.createdAt), locale) }),
  }));
  const show = (value: unknown) =>
    value === null || value === undefined ? (
      <Typography.Text type="secondary">{t("versions.blank")}</Typography.Text>
    ) : (
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
        {String(value)}
      </Typography.Paragraph>
    );

  return (
    <div>
      {header}
      <Space wrap style={{ marginBottom: 16 }}>
        {t("versions.left")}
        <Select value={a} options={options} onChange={(n) => setPicked({ a: n, b })} style={{ width: 260 }} />
        {t("versions.right")}
        <Select value={b} options={options} onChange={(n) => setPicked({ a, b: n })} style={{ width: 260 }} />
        <Switch checked={onlyChanged} onChange={setOnlyChanged} /> {t("versions.onlyChanged")}
      </Space>
      {comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : comparison.isPending ? (
        <Spin />
      ) : (
        comparison.data.sections
          .filter((section) => !onlyChanged || section.changed)
          .map((section) => (
            <Card
              key={section.sectionId}
              size="small"
              style={{ marginBottom: 12 }}
              title={`${section.number} ${localized(section.title, locale)}`}
              extra={
                <Tag color={section.changed ? "orange" : "default"}>
                  {t(section.changed ? "versions.changed" : "versions.unchanged")}
                </Tag>
              }
              data-testid={`compare-${section.sectionId}`}
            >
              {section.changes.length > 0 ? (
                <Row gutter={16} style={{ marginBottom: 8 }}>
                  <Col span={12}>
                    <Typography.Text type="secondary">{t("versions.column", { n: a })}</Typography.Text>
                  </Col>
                  <Col span={12}>
                    <Typography.Text type="secondary">{t("versions.column", { n: b })}</Typography.Text>
                  </Col>
                </Row>
              ) : null}
              {section.changes.map((change) => (
                <Row key={change.fieldId} gutter={16} style={{ marginBottom: 8, background: "#fffbe6" }}>
                  <Col span={24}>
                    <Typography.Text strong>{localized(change.label, locale)}</Typography.Text>
                  </Col>
                  <Col span={12}>{show(change.before)}</Col>
                  <Col span={12}>{show(change.after)}</Col>
                </Row>
              ))}
            </Card>
          ))
      )}
    </div>
  );
}
