import { InputNumber, type InputNumberProps, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";

const grouped = (value: string | number | undefined) =>
  value === undefined || value === "" ? "" : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Amounts in whole CNY (元), grouped for reading; the stored value is an integer. */
export function CnyInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      min={0}
      precision={0}
      style={{ width: "100%" }}
      formatter={grouped}
      parser={(text) => Number((text ?? "").replace(/,/g, ""))}
      {...props}
    />
  );
}

/** Yes / no / not answered: a fact left blank is "needs information", not "no". */
export function YesNo(props: { value?: boolean; onChange?: (value: boolean) => void; testId?: string }) {
  const { t } = useTranslation(applicantNamespace);
  return (
    <Radio.Group
      value={props.value}
      onChange={(event) => props.onChange?.(event.target.value as boolean)}
      data-testid={props.testId}
      options={[
        { label: t("facts.yes"), value: true },
        { label: t("facts.no"), value: false },
      ]}
    />
  );
}
