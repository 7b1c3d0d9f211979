import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { formatDate, InlineError, type Locale, useTRPC, useTRPCClient } from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Empty, Space, Table, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";
import type { AttachmentRow } from "../workflow/api";
import { attachmentAccept, bytesToBase64, formatBytes, precheckAttachment } from "../workflow/attachments";

/** What the files belong to: an application, or a platform's annual report (the server checks either). */
export type AttachmentTarget = { applicationId: string } | { annualReportId: string };

/** Evidence files: checked here for size and kind as a courtesy, by content on the server. */
export function AttachmentsPanel({
  target,
  disabled,
  locale,
  emptyHint,
}: {
  target: AttachmentTarget;
  disabled: boolean;
  locale: Locale;
  /** What to upload, when the default (an application's evidence) does not fit. */
  emptyHint?: string;
}) {
  const { t } = useTranslation(applicantNamespace);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const list = useQuery(trpc.attachments.list.queryOptions(target));
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      return client.attachments.upload.mutate({ ...target, fileName: file.name, contentBase64 });
    },
    onSuccess: (row) => {
      message.success(t("attachments.uploaded", { name: row.displayName }));
      void queryClient.invalidateQueries({ queryKey: trpc.attachments.list.queryKey(target) });
    },
  });

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("attachments.hint")}</Typography.Text>
      <Upload
        accept={attachmentAccept}
        showUploadList={false}
        disabled={disabled || upload.isPending}
        beforeUpload={(file) => {
          const problem = precheckAttachment(file);
          if (problem) {
            message.error(t(`attachments.problem.${problem}`, { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
          {upload.isPending && upload.variables
            ? t("attachments.uploading", { name: upload.variables.name })
            : t("attachments.upload")}
        </Button>
      </Upload>
      {upload.isError ? <InlineError error={upload.error} /> : null}
      {list.isError ? <InlineError error={list.error} /> : null}
      <Table<AttachmentRow>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          {
            title: t("attachments.column.name"),
            key: "name",
            render: (_, row) => (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                // A plain link: the server checks session and scope, and sends the file as an attachment.
                href={`/api/v1/attachments/${encodeURIComponent(row.id)}/download`}
                data-testid={`attachment-${row.displayName}`}
              >
                {row.displayName}
              </Button>
            ),
          },
          { title: t("attachments.column.type"), dataIndex: "mime", key: "mime" },
          { title: t("attachments.column.size"), key: "size", render: (_, row) => formatBytes(row.size) },
          {
            title: t("attachments.column.uploadedAt"),
            key: "uploadedAt",
            render: (_, row) => formatDate(new Date(row.uploadedAt), locale),
          },
        ]}
        locale={{
          emptyText: (
            <Empty
              description={
                <>
                  {t("attachments.empty")} — {emptyHint ?? t("attachments.emptyHint")}
                </>
              }
            />
          ),
        }}
      />
    </Space>
  );
}
