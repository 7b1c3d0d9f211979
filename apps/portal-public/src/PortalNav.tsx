import {
  ApiOutlined,
  BarChartOutlined,
  FileSearchOutlined,
  NotificationOutlined,
  ReadOutlined,
} from "@ant-design/icons";
import { Badge, Card, Col, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicNamespace } from "./messages";
import { portalPath } from "./paths";

/** The home page's ways in: the policy library, the self-check and the publicity notices. */
export function PortalNav({ basePath, openNotices }: { basePath: string; openNotices?: number }) {
  const { t } = useTranslation(publicNamespace);
  const entries: {
    page: string;
    key: "library" | "selfCheck" | "publicity" | "stats" | "developers";
    icon: ReactNode;
  }[] = [
    { page: "policies", key: "library", icon: <ReadOutlined /> },
    { page: "self-check", key: "selfCheck", icon: <FileSearchOutlined /> },
    { page: "publicity", key: "publicity", icon: <NotificationOutlined /> },
    { page: "stats", key: "stats", icon: <BarChartOutlined /> },
    { page: "developers", key: "developers", icon: <ApiOutlined /> },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {entries.map((entry) => (
        <Col xs={24} md={12} xl={6} key={entry.key}>
          <Link to={portalPath(basePath, entry.page)} data-testid={`nav-${entry.page}`}>
            <Card size="small" hoverable>
              <Typography.Title level={2} style={{ marginTop: 0, fontSize: 16 }}>
                {entry.icon}{" "}
                {t(
                  entry.key === "stats" || entry.key === "developers"
                    ? `${entry.key}.title`
                    : `nav.${entry.key}`,
                )}
                {entry.key === "publicity" && openNotices ? (
                  <Badge count={openNotices} style={{ marginLeft: 8 }} data-testid="open-notices" />
                ) : null}
              </Typography.Title>
              <Typography.Text type="secondary">
                {t(
                  entry.key === "stats" || entry.key === "developers"
                    ? `${entry.key}.navHint`
                    : `nav.${entry.key}Hint`,
                )}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
