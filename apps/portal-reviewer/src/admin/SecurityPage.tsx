import type { RouterOutputs } from "@kechuang/api";
import { type Role, roleLabels } from "@kechuang/domain";
import {
  EmptyState,
  ErrorState,
  InlineError,
  type Locale,
  localized,
  PageHeader,
  useTRPC,
} from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Popconfirm, Table } from "antd";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { formatDateTime } from "../workflow/dates";

type Locked = RouterOutputs["security"]["lockedAccounts"][number];
type Session = RouterOutputs["security"]["sessions"][number];

const roleText = (role: string, locale: Locale) =>
  role in roleLabels ? localized(roleLabels[role as Role], locale) : role;

/** Security administrator: unlock accounts locked by failed sign-ins, end live sessions. */
export function SecurityPage({ locale }: { locale: Locale }) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const locked = useQuery(trpc.security.lockedAccounts.queryOptions());
  const sessions = useQuery(trpc.security.sessions.queryOptions());
  const unlock = useMutation(
    trpc.security.unlock.mutationOptions({
      onSuccess: () => {
        void message.success(t("admin.security.unlocked"));
        return client.invalidateQueries({ queryKey: trpc.security.lockedAccounts.queryKey() });
      },
    }),
  );
  const revoke = useMutation(
    trpc.security.revokeSession.mutationOptions({
      onSuccess: () => {
        void message.success(t("admin.security.revoked"));
        return client.invalidateQueries({ queryKey: trpc.security.sessions.queryKey() });
      },
    }),
  );

  return (
    <div>
      <PageHeader title={t("admin.security.title")} subtitle={t("admin.security.subtitle")} />
      {unlock.isError || revoke.isError ? (
        <div style={{ marginBottom: 12 }}>
          <InlineError error={unlock.error ?? revoke.error} />
        </div>
      ) : null}
      <Card title={t("admin.security.locked")} style={{ marginBottom: 16 }}>
        {locked.isError ? (
          <ErrorState error={locked.error} onRetry={() => void locked.refetch()} />
        ) : (
          <Table<Locked>
            rowKey="id"
            size="small"
            loading={locked.isPending}
            dataSource={locked.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(a) => ({ "data-testid": `locked-row-${a.username}` }) as object}
            locale={{
              emptyText: (
                <EmptyState
                  title={t("admin.security.lockedEmpty")}
                  description={t("admin.security.lockedEmptyHint")}
                  next={{ label: t("refresh"), onClick: () => void locked.refetch() }}
                />
              ),
            }}
            columns={[
              { title: t("admin.accounts.username"), dataIndex: "username", key: "username" },
              { title: t("admin.accounts.displayName"), dataIndex: "displayName", key: "displayName" },
              { title: t("admin.accounts.role"), key: "role", render: (_, a) => roleText(a.role, locale) },
              {
                title: t("admin.security.lockedUntil"),
                key: "until",
                render: (_, a) => (a.lockedUntil ? formatDateTime(a.lockedUntil, locale) : "—"),
              },
              {
                title: "",
                key: "unlock",
                render: (_, a) => (
                  <Button
                    size="small"
                    data-testid={`unlock-${a.username}`}
                    loading={unlock.isPending && unlock.variables?.userId === a.id}
                    onClick={() => unlock.mutate({ userId: a.id })}
                  >
                    {t("admin.security.unlock")}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t("admin.security.sessions")}>
        {sessions.isError ? (
          <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Table<Session>
            rowKey="id"
            size="small"
            loading={sessions.isPending}
            dataSource={sessions.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{
              emptyText: (
                <EmptyState
                  title={t("admin.security.sessionsEmpty")}
                  next={{ label: t("refresh"), onClick: () => void sessions.refetch() }}
                />
              ),
            }}
            columns={[
              { title: t("admin.accounts.username"), dataIndex: "username", key: "username" },
              { title: t("admin.accounts.role"), key: "role", render: (_, s) => roleText(s.role, locale) },
              {
                title: t("admin.security.lastSeen"),
                key: "seen",
                render: (_, s) => formatDateTime(s.lastSeenAt, locale),
              },
              {
                title: t("admin.security.expires"),
                key: "exp",
                render: (_, s) => formatDateTime(s.expiresAt, locale),
              },
              { title: t("admin.security.ip"), key: "ip", render: (_, s) => s.ip ?? "—" },
              {
                title: "",
                key: "revoke",
                render: (_, s) => (
                  <Popconfirm
                    title={t("admin.security.revokeConfirm")}
                    okText={t("actions.ok")}
                    cancelText={t("actions.cancel")}
                    onConfirm={() => revoke.mutate({ sessionId: s.id })}
                  >
                    <Button size="small" danger data-testid={`revoke-${s.id.slice(0, 12)}`}>
                      {t("admin.security.revoke")}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
