import { EmptyState, InlineError, type Locale, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Card, List } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { reviewerNamespace } from "./messages";
import { formatWaitedHours } from "./workflow/waited";

const knownKinds = new Set(["action-needed", "assigned", "objection-filed", "decided"]);

/** Unread notifications for steps that need the caller, newest first, each with how long it has waited. */
export function NotificationsCard({
  locale,
  onRefreshQueue,
}: {
  locale: Locale;
  onRefreshQueue: () => void;
}) {
  const { t } = useTranslation([reviewerNamespace, "common"]);
  const trpc = useTRPC();
  const client = useQueryClient();
  const [now] = useState(() => new Date());
  const list = useQuery(trpc.notifications.list.queryOptions({ unreadOnly: true }));
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => client.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
    }),
  );
  const unread = list.data ?? [];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="notifications"
      title={
        <>
          {t("notifications.title")} <Badge count={unread.length} />
        </>
      }
      extra={
        unread.length > 1 ? (
          <Button size="small" type="link" onClick={() => markRead.mutate({ ids: unread.map((n) => n.id) })}>
            {t("notifications.markAllRead")}
          </Button>
        ) : null
      }
    >
      {list.isError ? (
        <InlineError error={list.error} />
      ) : !list.isPending && unread.length === 0 ? (
        <EmptyState
          title={t("notifications.empty")}
          description={t("notifications.emptyHint")}
          next={{ label: t("refresh"), onClick: onRefreshQueue }}
        />
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={unread}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid={`notification-${n.id}`}
              actions={[
                n.applicationId ? (
                  <Link key="open" to={n.applicationId} data-testid={`notification-open-${n.id}`}>
                    {t("notifications.open")}
                  </Link>
                ) : null,
                <Button
                  key="read"
                  size="small"
                  type="link"
                  loading={markRead.isPending && markRead.variables?.ids.includes(n.id)}
                  onClick={() => markRead.mutate({ ids: [n.id] })}
                >
                  {t("notifications.markRead")}
                </Button>,
              ]}
            >
              {t(`notifications.kind.${knownKinds.has(n.kind) ? n.kind : "other"}`, {
                stage: n.stage ? t(`common:stage.${n.stage}`, { defaultValue: n.stage }) : "—",
              })}{" "}
              · {formatWaitedHours(new Date(n.createdAt), now, locale)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
