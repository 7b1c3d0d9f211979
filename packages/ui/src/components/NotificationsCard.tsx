import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Card, List } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notificationMessage } from "../notification-message";
import type { Locale } from "../portal";
import { useTRPC } from "../trpc";
import { formatWaitedHours } from "../waited";
import { EmptyState } from "./EmptyState";
import { InlineError } from "./InlineError";

/**
 * The signed-in user's unread notifications, newest first, each with how long it has waited; the same card
 * in every portal. `onOpen` navigates to the application (each portal knows its own routes).
 */
export function NotificationsCard({
  locale,
  onOpen,
  onOpenPlatform,
  onOpenEvaluation,
  onRefresh,
}: {
  locale: Locale;
  onOpen: (applicationId: string) => void;
  /** Where a portal shows a platform (after-approval notifications); without it they have no link. */
  onOpenPlatform?: (platformId: string) => void;
  /** Where a portal shows an evaluation: an expert's seat notice opens it (experts cannot open the platform). */
  onOpenEvaluation?: (evaluationId: string) => void;
  onRefresh: () => void;
}) {
  const { t } = useTranslation("common");
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
          next={{ label: t("notifications.refresh"), onClick: onRefresh }}
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
                  <Button
                    key="open"
                    size="small"
                    type="link"
                    data-testid={`notification-open-${n.id}`}
                    onClick={() => onOpen(n.applicationId!)}
                  >
                    {t("notifications.open")}
                  </Button>
                ) : typeof n.detail?.evaluationId === "string" && onOpenEvaluation ? (
                  <Button
                    key="open-evaluation"
                    size="small"
                    type="link"
                    data-testid={`notification-open-evaluation-${n.id}`}
                    onClick={() => onOpenEvaluation(String(n.detail?.evaluationId))}
                  >
                    {t("notifications.openEvaluation")}
                  </Button>
                ) : n.platformId && onOpenPlatform ? (
                  <Button
                    key="open-platform"
                    size="small"
                    type="link"
                    data-testid={`notification-open-platform-${n.id}`}
                    onClick={() => onOpenPlatform(n.platformId!)}
                  >
                    {t("notifications.openPlatform")}
                  </Button>
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
              {notificationMessage(n, locale, t)} · {formatWaitedHours(new Date(n.createdAt), now, locale)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
