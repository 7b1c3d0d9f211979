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
import { App as AntApp, Button, Card, Popconfirm, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { formatDateTime } from "../workflow/dates";

type Locked = RouterOutputs["security"]["lockedAccounts"][number];
type Administrator = RouterOutputs["security"]["administrators"][number];
type Session = RouterOutputs["security"]["sessions"][number];

const roleText = (role: string, locale: Locale) =>
  role in roleLabels ? localized(roleLabels[role as Role], locale) : role;

/**
 * Security administrator: unlock accounts locked by failed sign-ins, disable or enable the other
 * administrators' accounts (三员分立: the system administrator cannot), end live sessions.
 */
export function SecurityPage({ locale, selfId }: { locale: Locale; selfId: string }) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const locked = useQuery(trpc.security.lockedAccounts.queryOptions());
  const sessions = useQuery(trpc.security.sessions.queryOptions());
  const administrators = useQuery(trpc.security.administrators.queryOptions());
  const setAdministratorDisabled = useMutation(
    trpc.security.setAdministratorDisabled.mutationOptions({
      // Disabling ends that administrator's sessions too.
      onSuccess: () =>
        Promise.all([
          client.invalidateQueries({ queryKey: trpc.security.administrators.queryKey() }),
          client.invalidateQueries({ queryKey: trpc.security.sessions.queryKey() }),
        ]),
    }),
  );
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
      {unlock.isError || revoke.isError || setAdministratorDisabled.isError ? (
        <div style={{ marginBottom: 12 }}>
          <InlineError error={unlock.error ?? revoke.error ?? setAdministratorDisabled.error} />
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
      <Card title={t("admin.security.administrators")} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t("admin.security.administratorsHint")}</Typography.Paragraph>
        {administrators.isError ? (
          <ErrorState error={administrators.error} onRetry={() => void administrators.refetch()} />
        ) : (
          <Table<Administrator>
            rowKey="id"
            size="small"
            loading={administrators.isPending}
            dataSource={administrators.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(a) => ({ "data-testid": `administrator-row-${a.username}` }) as object}
            columns={[
              { title: t("admin.accounts.username"), dataIndex: "username", key: "username" },
              { title: t("admin.accounts.displayName"), dataIndex: "displayName", key: "displayName" },
              { title: t("admin.accounts.role"), key: "role", render: (_, a) => roleText(a.role, locale) },
              {
                title: t("admin.accounts.status"),
                key: "status",
                render: (_, a) =>
                  a.disabled ? (
                    <Tag color="red">{t("admin.accounts.disabled")}</Tag>
                  ) : (
                    <Tag color="green">{t("admin.accounts.enabled")}</Tag>
                  ),
              },
              {
                title: "",
                key: "toggle",
                render: (_, a) => {
                  const button = (
                    <Button
                      size="small"
                      danger={!a.disabled}
                      disabled={a.id === selfId}
                      data-testid={`administrator-toggle-${a.username}`}
                      loading={
                        setAdministratorDisabled.isPending &&
                        setAdministratorDisabled.variables?.userId === a.id
                      }
                      onClick={
                        a.disabled
                          ? () => setAdministratorDisabled.mutate({ userId: a.id, disabled: false })
                          : undefined
                      }
                    >
                      {a.disabled ? t("admin.accounts.enable") : t("admin.accounts.disable")}
                    </Button>
                  );
                  // Disabling ends the other administrator's work at once: confirm first.
                  return a.disabled || a.id === selfId ? (
                    button
                  ) : (
                    <Popconfirm
                      title={t("admin.security.disableConfirm")}
                      okText={t("actions.ok")}
                      cancelText={t("actions.cancel")}
                      onConfirm={() => setAdministratorDisabled.mutate({ userId: a.id, disabled: true })}
                    >
                      {button}
                    </Popconfirm>
                  );
                },
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
