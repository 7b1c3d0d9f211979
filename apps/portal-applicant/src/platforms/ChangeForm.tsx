import type { RouterOutputs } from "@kechuang/api";
import type {
  ChangePayload,
  ChangeSubject,
  CoBuildUnit,
  GovernanceMember,
  PlatformSnapshot,
} from "@kechuang/domain";
import { governanceMessages, InlineError, type Locale, localized, useTRPC } from "@kechuang/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Segmented,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";

type Kind = RouterOutputs["changes"]["kinds"]["kinds"][number];
type Check = RouterOutputs["changes"]["check"];

const newKey = () => crypto.randomUUID();

/** The part's current value as the editor's starting point (a new value is always given in full). */
function initialDraft(subject: ChangeSubject, s: PlatformSnapshot): ChangePayload {
  const g = s.governance;
  switch (subject) {
    case "director":
      return { subject, director: g.director ?? { name: "" } };
    case "board":
      return { subject, members: g.board };
    case "committee":
      return {
        subject,
        committee: g.committee ?? { kind: "tech-guidance-committee", chair: null, members: [] },
      };
    case "lead-unit":
      return { subject, leadUnit: g.leadUnit ?? { name: "" } };
    case "co-build-units":
      return { subject, units: g.coBuildUnits };
    case "name":
      return { subject, name: s.attributes.name };
    case "location":
      return { subject, location: s.attributes.location ?? "" };
    case "research-direction":
      return { subject, fields: s.attributes.fields };
    case "formation-mode":
      return { subject, formationMode: s.attributes.formationMode ?? "leading-enterprise" };
  }
}

/** Rows without a name (1-based): kept on screen, but the check waits until they are completed or removed. */
function incompleteRows(p: ChangePayload): number[] {
  const rows: { name: string }[] =
    p.subject === "board"
      ? p.members
      : p.subject === "committee"
        ? [...(p.committee.chair ? [p.committee.chair] : []), ...p.committee.members]
        : p.subject === "co-build-units"
          ? p.units
          : p.subject === "director"
            ? [p.director]
            : p.subject === "lead-unit"
              ? [p.leadUnit]
              : [];
  return rows.flatMap((r, i) => (r.name.trim() === "" ? [i + 1] : []));
}

const blankMember = (): GovernanceMember => ({ name: "", affiliation: "external" });

/** One member row: name, organization, affiliation, expertise. */
function MemberRow({
  member,
  onChange,
  onRemove,
  locale,
  testId,
}: {
  member: GovernanceMember;
  onChange: (m: GovernanceMember) => void;
  onRemove?: () => void;
  locale: Locale;
  testId: string;
}) {
  const { t } = useTranslation(applicantNamespace);
  const g = governanceMessages[locale];
  return (
    <Space wrap data-testid={testId}>
      <Input
        aria-label={t("changes.form.name")}
        placeholder={t("changes.form.name")}
        value={member.name}
        onChange={(e) => onChange({ ...member, name: e.target.value })}
        style={{ width: 120 }}
        data-testid={`${testId}-name`}
      />
      <Input
        aria-label={t("changes.form.organization")}
        placeholder={t("changes.form.organization")}
        value={member.organization ?? ""}
        onChange={(e) => onChange({ ...member, organization: e.target.value || undefined })}
        style={{ width: 180 }}
      />
      <Select
        aria-label={t("changes.form.affiliation")}
        value={member.affiliation}
        onChange={(affiliation) => onChange({ ...member, affiliation })}
        options={(["external", "lead-unit", "co-build-unit"] as const).map((a) => ({
          value: a,
          label: g.affiliationOption[a],
          "data-testid": `${testId}-affiliation-${a}`,
        }))}
        style={{ width: 120 }}
        data-testid={`${testId}-affiliation`}
      />
      <Select
        aria-label={t("changes.form.expertise")}
        placeholder={t("changes.form.expertise")}
        allowClear
        value={member.expertise}
        onChange={(expertise) => onChange({ ...member, expertise: expertise ?? undefined })}
        options={Object.entries(g.expertiseOption).map(([value, label]) => ({ value, label }))}
        style={{ width: 120 }}
      />
      {member.isDirector ? <Tag>{g.isDirector}</Tag> : null}
      {onRemove ? (
        <Button size="small" danger onClick={onRemove}>
          {t("changes.form.remove")}
        </Button>
      ) : null}
    </Space>
  );
}

function MemberRows({
  members,
  onChange,
  locale,
  testId,
}: {
  members: GovernanceMember[];
  onChange: (m: GovernanceMember[]) => void;
  locale: Locale;
  testId: string;
}) {
  const { t } = useTranslation(applicantNamespace);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {members.map((m, i) => (
        <MemberRow
          // Rows have no id; the index is stable while rows are only appended or removed by index.
          key={i}
          member={m}
          locale={locale}
          testId={`${testId}-${i}`}
          onChange={(next) => onChange(members.map((x, j) => (j === i ? next : x)))}
          onRemove={() => onChange(members.filter((_, j) => j !== i))}
        />
      ))}
      <Button onClick={() => onChange([...members, blankMember()])} data-testid={`${testId}-add`}>
        {t("changes.form.addMember")}
      </Button>
    </Space>
  );
}

/** The new value of one part, edited in place. */
function PartEditor({
  draft,
  onChange,
  locale,
}: {
  draft: ChangePayload;
  onChange: (p: ChangePayload) => void;
  locale: Locale;
}) {
  const { t } = useTranslation(applicantNamespace);
  const g = governanceMessages[locale];
  const typeOptions = Object.entries(g.organizationType).map(([value, label]) => ({ value, label }));
  switch (draft.subject) {
    case "director": {
      const d = draft.director;
      const set = (next: Partial<typeof d>) => onChange({ ...draft, director: { ...d, ...next } });
      return (
        <Space wrap>
          <Input
            aria-label={t("changes.form.name")}
            placeholder={t("changes.form.name")}
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="director-name"
          />
          <Input
            aria-label={t("changes.form.organization")}
            placeholder={t("changes.form.organization")}
            value={d.organization ?? ""}
            onChange={(e) => set({ organization: e.target.value || undefined })}
          />
          <Checkbox checked={d.fullTime ?? false} onChange={(e) => set({ fullTime: e.target.checked })}>
            {t("changes.form.fullTime")}
          </Checkbox>
          <span>{t("changes.form.months")}</span>
          <InputNumber
            aria-label={t("changes.form.months")}
            min={0}
            max={12}
            value={d.monthsPerYearAtCenter ?? null}
            onChange={(v) => set({ monthsPerYearAtCenter: v ?? undefined })}
            data-testid="director-months"
          />
        </Space>
      );
    }
    case "board":
      return (
        <MemberRows
          members={draft.members}
          locale={locale}
          testId="board-member"
          onChange={(members) => onChange({ ...draft, members })}
        />
      );
    case "committee": {
      const c = draft.committee;
      return (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Typography.Text strong>{t("changes.form.chair")}</Typography.Text>
          <MemberRow
            member={c.chair ?? blankMember()}
            locale={locale}
            testId="committee-chair"
            onChange={(chair) => onChange({ ...draft, committee: { ...c, chair } })}
          />
          <Typography.Text strong>{t("changes.form.members")}</Typography.Text>
          <MemberRows
            members={c.members}
            locale={locale}
            testId="committee-member"
            onChange={(members) => onChange({ ...draft, committee: { ...c, members } })}
          />
        </Space>
      );
    }
    case "lead-unit":
      return (
        <Space wrap>
          <Input
            aria-label={t("changes.form.unitName")}
            placeholder={t("changes.form.unitName")}
            value={draft.leadUnit.name}
            onChange={(e) => onChange({ ...draft, leadUnit: { ...draft.leadUnit, name: e.target.value } })}
            data-testid="lead-unit-name"
          />
          <Select
            aria-label={t("changes.form.unitType")}
            placeholder={t("changes.form.unitType")}
            value={draft.leadUnit.type}
            onChange={(type) => onChange({ ...draft, leadUnit: { ...draft.leadUnit, type } })}
            options={typeOptions}
            style={{ width: 160 }}
          />
        </Space>
      );
    case "co-build-units": {
      const set = (units: CoBuildUnit[]) => onChange({ ...draft, units });
      return (
        <Space direction="vertical">
          {draft.units.map((u, i) => (
            <Space key={i} wrap>
              <Input
                aria-label={t("changes.form.unitName")}
                placeholder={t("changes.form.unitName")}
                value={u.name}
                onChange={(e) =>
                  set(draft.units.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
                }
              />
              <Select
                aria-label={t("changes.form.unitType")}
                value={u.type}
                onChange={(type) => set(draft.units.map((x, j) => (j === i ? { ...x, type } : x)))}
                options={typeOptions}
                style={{ width: 160 }}
              />
              <Button size="small" danger onClick={() => set(draft.units.filter((_, j) => j !== i))}>
                {t("changes.form.remove")}
              </Button>
            </Space>
          ))}
          <Button onClick={() => set([...draft.units, { name: "", type: "enterprise" }])}>
            {t("changes.form.addMember")}
          </Button>
        </Space>
      );
    }
    case "name":
      return (
        <Input
          aria-label={t("changes.form.newName")}
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
          data-testid="new-name"
        />
      );
    case "location":
      return (
        <Input
          aria-label={t("changes.form.newLocation")}
          value={draft.location}
          onChange={(e) => onChange({ ...draft, location: e.target.value })}
        />
      );
    case "research-direction":
      return (
        <Select
          mode="tags"
          aria-label={t("changes.form.fields")}
          placeholder={t("changes.form.fields")}
          value={draft.fields}
          onChange={(fields) => onChange({ ...draft, fields })}
          style={{ width: "100%" }}
          open={false}
        />
      );
    case "formation-mode":
      return (
        <Select
          aria-label={t("changes.form.subjects.formation-mode")}
          value={draft.formationMode}
          onChange={(formationMode) => onChange({ ...draft, formationMode })}
          options={(["leading-enterprise", "enterprise-alliance", "academia-led"] as const).map((m) => ({
            value: m,
            label: t(`changes.formationMode.${m}`),
          }))}
          style={{ width: 220 }}
        />
      );
  }
}

/**
 * 申请变更: choose the kind (备案 or 批复, its clause, a local setting where the source lists none), edit the new
 * value from the current state, check it (each broken rule with its clause), then submit. The form keeps its
 * state across checks; the submit stays disabled, with the reason, until the checked value complies.
 */
export function ChangeForm({
  platformId,
  kinds,
  current,
  locale,
}: {
  platformId: string;
  kinds: Kind[];
  current: PlatformSnapshot;
  locale: Locale;
}) {
  const { t } = useTranslation([applicantNamespace, "common"]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kindId, setKindId] = useState<string | null>(null);
  // One draft per part, so switching parts or kinds never drops what was typed.
  const [drafts, setDrafts] = useState<Partial<Record<ChangeSubject, ChangePayload>>>({});
  const [subject, setSubject] = useState<ChangeSubject | null>(null);
  const [description, setDescription] = useState("");
  const [checked, setChecked] = useState<{ json: string; result: Check } | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [done, setDone] = useState<{ status: string; next: string } | null>(null);
  const kind = kinds.find((k) => k.id === kindId) ?? null;
  const activeSubject =
    kind && subject && kind.subjects.includes(subject) ? subject : (kind?.subjects[0] ?? null);
  const draft = activeSubject ? (drafts[activeSubject] ?? initialDraft(activeSubject, current)) : null;
  const json = JSON.stringify([kindId, draft]);
  const fresh = checked !== null && checked.json === json ? checked.result : null;
  const incomplete = draft ? incompleteRows(draft) : [];

  const check = useMutation(trpc.changes.check.mutationOptions());
  const submit = useMutation(
    trpc.changes.submit.mutationOptions({
      onSuccess: async (result) => {
        setDone({ status: result.status, next: kind ? localized(kind.routing, locale) : "" });
        setDrafts({});
        setDescription("");
        setChecked(null);
        setIdempotencyKey(newKey());
        await queryClient.invalidateQueries({ queryKey: trpc.changes.list.queryKey({ platformId }) });
      },
    }),
  );

  if (done) {
    return (
      <Card title={t("changes.form.title")} size="small">
        <Alert
          type="success"
          showIcon
          data-testid="change-done"
          title={t(done.status === "filed" ? "changes.form.filed" : "changes.form.pending", {
            next: done.next,
          })}
          action={
            <Button
              onClick={() => {
                setDone(null);
                setKindId(null);
              }}
            >
              {t("changes.form.another")}
            </Button>
          }
        />
      </Card>
    );
  }

  const runCheck = () => {
    if (!kind || incomplete.length > 0) return;
    const sent = json;
    check.mutate(
      { platformId, changeKindId: kind.id, payload: draft },
      { onSuccess: (result) => setChecked({ json: sent, result }) },
    );
  };
  const disabledReason = !kind
    ? t("changes.form.kindRequired")
    : !fresh
      ? t("changes.form.disabledUnchecked")
      : fresh.violations.length > 0
        ? t("changes.form.disabledViolations")
        : description.trim() === ""
          ? t("changes.form.descriptionRequired")
          : null;

  return (
    <Card title={t("changes.form.title")} size="small" data-testid="change-form">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Radio.Group
          value={kindId}
          onChange={(e) => setKindId(e.target.value)}
          aria-label={t("changes.form.kind")}
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
        >
          {kinds.map((k) => (
            <Radio key={k.id} value={k.id} data-testid={`change-kind-${k.id}`}>
              <Space wrap size={4}>
                <span>{localized(k.name, locale)}</span>
                <Tag color={k.mode === "filing" ? "blue" : "orange"}>{t(`changes.mode.${k.mode}`)}</Tag>
                {k.citation ? (
                  <Tooltip title={k.citation.quote}>
                    <Typography.Text type="secondary">
                      {k.citation.source} {k.citation.clause}
                    </Typography.Text>
                  </Tooltip>
                ) : null}
              </Space>
              {k.localSetting ? (
                <div>
                  <Typography.Text type="warning">
                    {t("changes.form.localSetting", { text: localized(k.localSetting, locale) })}
                  </Typography.Text>
                </div>
              ) : null}
            </Radio>
          ))}
        </Radio.Group>
        {kind ? (
          <Alert type="info" showIcon title={localized(kind.routing, locale)} data-testid="change-routing" />
        ) : null}
        {kind && kind.subjects.length > 1 ? (
          <Segmented
            value={activeSubject ?? undefined}
            onChange={(v) => setSubject(v as ChangeSubject)}
            options={kind.subjects.map((s) => ({
              value: s,
              label: <span data-testid={`change-subject-${s}`}>{t(`changes.form.subjects.${s}`)}</span>,
            }))}
          />
        ) : null}
        {kind && draft && activeSubject ? (
          <PartEditor
            draft={draft}
            locale={locale}
            onChange={(next) => setDrafts((all) => ({ ...all, [activeSubject]: next }))}
          />
        ) : kind ? (
          <Typography.Text type="secondary">{t("changes.form.wordsOnly")}</Typography.Text>
        ) : null}
        {kind ? (
          <Input.TextArea
            aria-label={t("changes.form.description")}
            placeholder={t("changes.form.descriptionPlaceholder")}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={5000}
            data-testid="change-description"
          />
        ) : null}
        {incomplete.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t("changes.form.incomplete", { rows: incomplete.join("、") })}
          />
        ) : null}
        {check.isError ? <InlineError error={check.error} /> : null}
        {checked && !fresh && kind ? (
          <Alert type="warning" showIcon title={t("changes.form.recheck")} />
        ) : null}
        {fresh ? (
          fresh.violations.length === 0 ? (
            <Alert
              type="success"
              showIcon
              data-testid="change-compliant"
              title={t("changes.form.compliant")}
              description={t("changes.form.compliantHint")}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="change-violations"
              title={t("changes.form.violations")}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {fresh.violations.map((v) => (
                    <li key={v.ruleId} data-testid={`violation-${v.ruleId}`}>
                      <Typography.Text strong>
                        {v.citation.source} {v.citation.clause}
                      </Typography.Text>{" "}
                      {localized(v.message, locale)}
                    </li>
                  ))}
                </ul>
              }
            />
          )
        ) : null}
        {submit.isError ? <InlineError error={submit.error} /> : null}
        {kind ? (
          <Space wrap>
            <Button
              onClick={runCheck}
              loading={check.isPending}
              disabled={incomplete.length > 0}
              data-testid="change-check"
            >
              {check.isPending ? t("changes.form.checking") : t("changes.form.check")}
            </Button>
            <Popconfirm
              title={t("changes.form.confirm", { next: localized(kind.routing, locale) })}
              okText={t("changes.form.confirmOk")}
              cancelText={t("changes.form.confirmCancel")}
              okButtonProps={{ "data-testid": "change-confirm" } as ButtonProps}
              disabled={disabledReason !== null}
              onConfirm={() =>
                submit.mutate({
                  platformId,
                  changeKindId: kind.id,
                  description: description.trim(),
                  payload: draft,
                  idempotencyKey,
                })
              }
            >
              <Button
                type="primary"
                disabled={disabledReason !== null}
                loading={submit.isPending}
                data-testid="change-submit"
              >
                {submit.isPending ? t("changes.form.submitting") : t("changes.form.submit")}
              </Button>
            </Popconfirm>
            {disabledReason ? (
              <Typography.Text type="secondary" data-testid="change-submit-reason">
                {disabledReason}
              </Typography.Text>
            ) : null}
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
