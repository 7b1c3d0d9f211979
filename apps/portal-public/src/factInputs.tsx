import { Checkbox, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "./messages";
import { groupedYuan, wanToCny } from "./money";

/** An amount typed in 万元, kept as the text typed; underneath, the exact 元 it stands for. */
export function WanInput({
  value,
  onChange,
  id,
  testId,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId?: string;
}) {
  const { t } = useTranslation(publicNamespace);
  const yuan = wanToCny(value);
  return (
    <div>
      <Input
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange?.(event.target.value)}
        suffix="万元"
        inputMode="decimal"
        data-testid={testId}
        style={{ maxWidth: 240 }}
      />
      {typeof yuan === "number" ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
          {t("selfCheck.equalsYuan", { yuan: groupedYuan(yuan) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** A validation rule for WanInput: blank is fine (the rule will ask), malformed is not. */
export const wanRule = (message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    wanToCny(value) === null ? Promise.reject(new Error(message)) : Promise.resolve(),
});

/** Yes / no, clearable: a fact left blank reads "needs information", which is not the same as "no". */
export function YesNoSelect({
  value,
  onChange,
  id,
}: {
  value?: boolean;
  onChange?: (value: boolean | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation(publicNamespace);
  return (
    <Select<"yes" | "no">
      id={id}
      allowClear
      value={value === undefined ? undefined : value ? "yes" : "no"}
      onChange={(next) => onChange?.(next === undefined ? undefined : next === "yes")}
      placeholder={t("selfCheck.notSure")}
      style={{ minWidth: 200 }}
      options={[
        { value: "yes", label: t("selfCheck.yes") },
        { value: "no", label: t("selfCheck.no") },
      ]}
    />
  );
}

/**
 * A module's vocabulary as checkboxes, in a labelled group. Values not in the vocabulary (typed as free text
 * by an older version of this form and kept in the browser) stay visible, so they can be unticked.
 */
export function ChoiceCheckboxes({
  value,
  onChange,
  id,
  choices,
  label,
  max,
  testId,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  choices: readonly { id: string; label: string }[];
  label: string;
  max: number;
  testId?: string;
}) {
  const chosen = value ?? [];
  const unknown = chosen.filter((item) => !choices.some((choice) => choice.id === item));
  const options = [...choices, ...unknown.map((item) => ({ id: item, label: item }))];
  return (
    <fieldset
      id={id}
      aria-label={label}
      data-testid={testId}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
    >
      <Checkbox.Group
        value={chosen}
        onChange={(next) => onChange?.(next.map(String))}
        style={{ display: "flex", flexDirection: "column", gap: 4 }}
        options={options.map((option) => ({
          value: option.id,
          label: option.label,
          // At the maximum, only what is ticked can change (untick to choose another).
          disabled: chosen.length >= max && !chosen.includes(option.id),
        }))}
      />
    </fieldset>
  );
}
