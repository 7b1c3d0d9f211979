import { PageHeader } from "@kechuang/ui";
import { Button, Flex, Typography } from "antd";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "../messages";
import { apiExamples, DOWNLOADS_PER_MINUTE, downloadLinks, OPENAPI_PATH, XLSX_MAX_ROWS } from "./examples";

/**
 * The open data's developer page (issue 12): what the REST API offers, the two directory endpoints with
 * example requests and answers, the download links, the OpenAPI document, caching, limits and attribution.
 * Headings go h1 (PageHeader) → h2 per section → h3 per endpoint; each section is a labelled region.
 */
export function DevelopersPage() {
  const { t } = useTranslation(publicNamespace);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const examples = apiExamples(origin);
  return (
    <div data-testid="developers-page">
      <PageHeader title={t("developers.title")} subtitle={t("developers.subtitle")} />

      <Section title={t("developers.offers.title")}>
        <ul>
          {(["directory", "platform", "downloads", "policies", "errors"] as const).map((key) => (
            <li key={key}>{t(`developers.offers.${key}`)}</li>
          ))}
        </ul>
      </Section>

      <Section title={t("developers.endpoints.title")}>
        <Endpoint
          title={t("developers.endpoints.listTitle")}
          route="GET /api/v1/platforms"
          text={t("developers.endpoints.listText")}
          request={examples.list.request}
          response={examples.list.response}
        />
        <Endpoint
          title={t("developers.endpoints.platformTitle")}
          route="GET /api/v1/platforms/{id}"
          text={t("developers.endpoints.platformText")}
          request={examples.platform.request}
          response={examples.platform.response}
        />
      </Section>

      <Section title={t("developers.downloads.title")}>
        <Typography.Paragraph>
          {t("developers.downloads.text", { xlsxMax: XLSX_MAX_ROWS })}
        </Typography.Paragraph>
        <Flex gap="small" wrap style={{ marginBottom: 12 }}>
          {downloadLinks.map((link) => (
            <Button key={link.format} href={link.href} download data-testid={`download-${link.format}`}>
              {t(`developers.downloads.${link.format}`)}
            </Button>
          ))}
        </Flex>
        <Code label={t("developers.downloads.filtered")} text={examples.filteredDownload} />
      </Section>

      <Section title={t("developers.openapi.title")}>
        <Typography.Paragraph>
          {t("developers.openapi.text")}{" "}
          {/* Underlined: a link inside running text must not be told apart by colour alone. */}
          <a href={OPENAPI_PATH} style={{ textDecoration: "underline" }}>
            {OPENAPI_PATH}
          </a>
        </Typography.Paragraph>
      </Section>

      <Section title={t("developers.caching.title")}>
        <Typography.Paragraph>{t("developers.caching.text")}</Typography.Paragraph>
        <Code label={t("developers.endpoints.request")} text={examples.revalidate} />
      </Section>

      <Section title={t("developers.limits.title")}>
        <Typography.Paragraph>
          {t("developers.limits.text", { perMinute: DOWNLOADS_PER_MINUTE })}
        </Typography.Paragraph>
      </Section>

      <Section title={t("developers.licence.title")}>
        <Typography.Paragraph>{t("developers.licence.text")}</Typography.Paragraph>
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id={id} style={{ fontSize: 20 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Endpoint(props: { title: string; route: string; text: string; request: string; response: string }) {
  const { t } = useTranslation(publicNamespace);
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {props.title} <Typography.Text code>{props.route}</Typography.Text>
      </Typography.Title>
      <Typography.Paragraph>{props.text}</Typography.Paragraph>
      <Code label={t("developers.endpoints.request")} text={props.request} />
      <Code label={t("developers.endpoints.response")} text={props.response} />
    </div>
  );
}

/** A code sample; long lines wrap (no sideways scrolling on a phone, nothing to reach by keyboard). */
function Code({ label, text }: { label: string; text: string }) {
  return (
    <figure style={{ margin: "0 0 12px" }}>
      <figcaption>
        <Typography.Text type="secondary">{label}</Typography.Text>
      </figcaption>
      <pre
        style={{
          whiteSpace: "pre-wrap",
          overflowWrap: "anywhere",
          padding: 12,
          background: "rgba(0, 0, 0, 0.04)",
          borderRadius: 6,
          fontSize: 13,
          margin: "4px 0 0",
        }}
      >
        <code>{text}</code>
      </pre>
    </figure>
  );
}
