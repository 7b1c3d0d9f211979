import { EmptyState, ErrorState, formatDate, type Locale, useTRPC, useTRPCClient } from "@kechuang/ui";
import { useQuery } from "@tanstack/react-query";
import { App as AntApp, Button, List } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import type { AttachmentRow } from "../workflow/api";

/** Bytes → a Blob the browser saves under the server-chosen name. */
function saveBase64(name: string, mime: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

const sizeText = (size: number): string =>
  size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;

/**
 * Attachments of an application or of a platform's annual report, downloaded through the scoped procedure
 * (never a public URL).
 */
export function AttachmentsList({
  target,
  locale,
  onReturnHint,
  empty,
}: {
  target: { applicationId: string } | { annualReportId: string };
  locale: Locale;
  onReturnHint?: () => void;
  /** Shown instead of the application's empty state (which points at returning the application). */
  empty?: ReactNode;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { message } = AntApp.useApp();
  const list = useQuery(trpc.attachments.list.queryOptions(target));
  const download = async (row: AttachmentRow) => {
    try {
      const file = await client.attachments.download.query({ attachmentId: row.id });
      saveBase64(file.displayName || file.fileName, file.mime, file.contentBase64);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.isPending && list.data.length === 0) {
    if (empty || !onReturnHint) return empty ?? null;
    return (
      <EmptyState
        title={t("detail.attachmentsEmpty")}
        description={t("detail.attachmentsEmptyHint")}
        next={{ label: t("actions.title"), onClick: onReturnHint }}
      />
    );
  }
  return (
    <List
      size="small"
      loading={list.isPending}
      dataSource={list.data ?? []}
      renderItem={(row) => (
        <List.Item
          key={row.id}
          actions={[
            <Button
              key="download"
              size="small"
              onClick={() => void download(row)}
              data-testid={`attachment-download-${row.id}`}
            >
              {t("detail.download")}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={row.displayName}
            description={`${row.mime} · ${sizeText(row.size)} · ${formatDate(row.uploadedAt, locale)}`}
          />
        </List.Item>
      )}
    />
  );
}
