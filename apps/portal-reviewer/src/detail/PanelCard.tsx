import type { Expertise } from "@kechuang/domain";
import { EmptyState, ErrorState, InlineError, type Locale, localized, useTRPC } from "@kechuang/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Flex, List, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { newIdempotencyKey } from "../workflow/actions";
import type { ExpertLoad } from "../workflow/api";
import { byLoadThenConflict, expertiseCoverage, knownExpertise, panelComplete } from "../workflow/panel";

/**
 * The authority forms the panel: the module's required expertise as a checklist that turns green, the
 * experts with their current load, and the server's conflict-of-interest explanation shown verbatim.
 */
export function PanelCard({
  applicationId,
  locale,
  onChanged,
}: {
  applicationId: string;
  locale: Locale;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const panel = useQuery(trpc.review.panel.queryOptions({ applicationId }));
  const loads = useQuery(trpc.review.expertLoads.queryOptions({ applicationId }));
  if (panel.isError) return <ErrorState error={panel.error} onRetry={() => void panel.refetch()} />;
  const members = panel.data?.members ?? [];
  const required = panel.data?.requiredExpertise ?? [];
  const checks = expertiseCoverage(required, members);
  const missing = checks.filter((c) => !c.covered).map((c) => t(`expertise.${c.expertise}`));

  return (
    <div
      data-testid="panel-card"
      data-ready={!panel.isPending && !loads.isPending}
      data-required={required.join(",")}
    >
      <Typography.Title level={5}>{t("panel.required")}</Typography.Title>
      {panel.isPending ? null : checks.length === 0 ? (
        <Typography.Text type="secondary">{t("panel.noRequirement")}</Typography.Text>
      ) : (
        <Space wrap data-testid="panel-checklist">
          {checks.map((check) => (
            <Tag
              key={check.expertise}
              color={check.covered ? "green" : "default"}
              data-testid={`panel-required-${check.expertise}`}
              data-covered={check.covered}
            >
              {check.covered ? "✓ " : "○ "}
              {t(`expertise.${check.expertise}`)}
              {check.memberNames.length > 0 ? `：${check.memberNames.join("、")}` : ""}
            </Tag>
          ))}
        </Space>
      )}
      {checks.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          type={panelComplete(checks) ? "success" : "info"}
          data-testid="panel-status"
          title={
            panelComplete(checks)
              ? t("panel.complete")
              : t("panel.incomplete", { missing: missing.join("、") })
          }
        />
      ) : null}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("panel.members")}
      </Typography.Title>
      {members.length === 0 && !panel.isPending ? (
        <Typography.Text type="secondary">
          {t("panel.membersEmpty")} {t("panel.membersEmptyHint")}
        </Typography.Text>
      ) : (
        <List
          size="small"
          loading={panel.isPending}
          dataSource={members}
          renderItem={(m) => (
            <List.Item key={`${m.expertId}-${m.seat}`} data-testid={`panel-member-${m.expertId}`}>
              {m.name} · {t(`expertise.${m.seat}`)}
              {m.organization ? ` · ${m.organization}` : ""}
            </List.Item>
          )}
        />
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("panel.experts")}
      </Typography.Title>
      {loads.isError ? (
        <ErrorState error={loads.error} onRetry={() => void loads.refetch()} />
      ) : (
        <ExpertsTable
          applicationId={applicationId}
          experts={byLoadThenConflict(loads.data ?? [])}
          loading={loads.isPending}
          required={required}
          seated={members}
          locale={locale}
          onChanged={onChanged}
          onRefresh={() => void loads.refetch()}
        />
      )}
    </div>
  );
}

function ExpertsTable({
  applicationId,
  experts,
  loading,
  required,
  seated,
  locale,
  onChanged,
  onRefresh,
}: {
  applicationId: string;
  experts: ExpertLoad[];
  loading: boolean;
  required: readonly string[];
  seated: readonly { expertId: string }[];
  locale: Locale;
  onChanged: () => Promise<void>;
  onRefresh: () => void;
}) {
  const { t } = useTranslation(reviewerNamespace);
  const trpc = useTRPC();
  const { message } = AntApp.useApp();
  const [seats, setSeats] = useState<Record<string, Expertise>>({});
  const assign = useMutation(
    trpc.review.assignExpert.mutationOptions({
      onSuccess: async (_, input) => {
        const name = experts.find((e) => e.expertId === input.expertId)?.name ?? "";
        void message.success(t("panel.assigned", { name }));
        await onChanged();
      },
    }),
  );
  // A seat defaults to the first required expertise the expert has, else the first they have.
  const seatOf = (e: ExpertLoad): Expertise | undefined =>
    seats[e.expertId] ??
    knownExpertise(e.expertise).find((x) => required.includes(x)) ??
    knownExpertise(e.expertise)[0];
  const onPanel = new Set(seated.map((s) => s.expertId));

  return (
    <>
      {assign.isError ? (
        <div data-testid="assign-error" style={{ marginBottom: 12 }}>
          <InlineError error={assign.error} />
        </div>
      ) : null}
      <Table<ExpertLoad>
        size="small"
        rowKey="expertId"
        loading={loading}
        dataSource={experts}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        onRow={(e) =>
          ({
            "data-testid": `expert-row-${e.expertId}`,
            "data-expert-id": e.expertId,
            "data-name": e.name,
            "data-expertise": e.expertise.join(","),
            "data-conflict": e.conflict !== null,
            "data-on-panel": onPanel.has(e.expertId),
          }) as object
        }
        locale={{
          emptyText: loading ? (
            " "
          ) : (
            <EmptyState
              title={t("panel.expertsEmpty")}
              description={t("panel.expertsEmptyHint")}
              next={{ label: t("refresh"), onClick: onRefresh }}
            />
          ),
        }}
        columns={[
          { title: t("panel.column.name"), dataIndex: "name", key: "name" },
          {
            title: t("panel.column.expertise"),
            key: "expertise",
            render: (_, e) =>
              e.expertise.map((x) => (
                <Tag key={x} color={required.includes(x) ? "blue" : undefined}>
                  {t(`expertise.${x}`)}
                </Tag>
              )),
          },
          { title: t("panel.column.organization"), key: "org", render: (_, e) => e.organization ?? "—" },
          {
            title: t("panel.column.load"),
            key: "load",
            align: "right",
            render: (_, e) => <span data-testid="expert-load">{e.load}</span>,
          },
          {
            title: t("panel.column.conflict"),
            key: "conflict",
            render: (_, e) =>
              e.conflict ? (
                <Typography.Text type="danger" data-testid="expert-conflict">
                  {localized(e.conflict, locale)}
                </Typography.Text>
              ) : (
                t("panel.noConflict")
              ),
          },
          {
            title: t("panel.column.seat"),
            key: "seat",
            render: (_, e) =>
              onPanel.has(e.expertId) ? (
                <Tag color="green" data-testid="expert-on-panel">
                  {t("panel.onPanel")}
                </Tag>
              ) : (
                <Flex gap="small">
                  <Select<Expertise>
                    size="small"
                    style={{ minWidth: 120 }}
                    placeholder={t("panel.seatPlaceholder")}
                    value={seatOf(e)}
                    onChange={(seat) => setSeats((s) => ({ ...s, [e.expertId]: seat }))}
                    options={knownExpertise(e.expertise).map((x) => ({
                      value: x,
                      label: t(`expertise.${x}`),
                      "data-testid": `expert-seat-${e.expertId}-${x}`,
                    }))}
                    data-testid={`expert-seat-${e.expertId}`}
                  />
                  {/* Conflicted experts stay clickable: the server refuses and says why (shown above). */}
                  <Button
                    size="small"
                    data-testid={`assign-${e.expertId}`}
                    loading={assign.isPending && assign.variables?.expertId === e.expertId}
                    disabled={!seatOf(e)}
                    onClick={() => {
                      const seat = seatOf(e);
                      if (seat)
                        assign.mutate({
                          applicationId,
                          expertId: e.expertId,
                          seat,
                          idempotencyKey: newIdempotencyKey(),
                        });
                    }}
                  >
                    {t("panel.assign")}
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
    </>
  );
}
