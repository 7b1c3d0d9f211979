import type { OutlineField, PlanContent, PlanOutline, SectionCompleteness } from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Progress,
  Row,
  Space,
  Steps,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";
import { fieldRules, fillableSections } from "../workflow/plan";
import { CnyInput } from "./inputs";

/**
 * The construction plan, generated from the module's outline: a step per section (with a check mark
 * once complete) and one input per outline field. Nothing here names a section: a province adding one
 * changes the outline data only.
 */
export function PlanForm({
  form,
  outline,
  initial,
  completeness,
  disabled,
  locale,
  onChange,
}: {
  form: FormInstance;
  outline: PlanOutline | null;
  initial: PlanContent;
  completeness: SectionCompleteness[];
  disabled: boolean;
  locale: Locale;
  onChange: (values: unknown) => void;
}) {
  const { t } = useTranslation(applicantNamespace);
  const [current, setCurrent] = useState(0);
  if (!outline) return <Alert type="info" showIcon title={t("plan.noOutline")} />;
  const sections = fillableSections(outline);
  const completeById = new Map(completeness.map((c) => [c.sectionId, c.complete]));
  const done = sections.filter((s) => completeById.get(s.id)).length;
  const messages = {
    required: t("editor.validation.required"),
    tooLong: (max: number) => t("editor.validation.tooLong", { max }),
    notNegative: t("editor.validation.notNegative"),
    date: t("editor.validation.date"),
  };

  return (
    <Row gutter={24}>
      <Col xs={24} md={8}>
        <Progress
          percent={Math.round((done / Math.max(1, sections.length)) * 100)}
          format={() => t("plan.progress", { done, total: sections.length })}
          data-testid="plan-progress"
        />
        <Steps
          direction="vertical"
          size="small"
          current={current}
          onChange={setCurrent}
          items={sections.map((section) => {
            const complete = completeById.get(section.id) ?? false;
            return {
              title: `${section.number} ${localized(section.title, locale)}`,
              status: complete ? "finish" : "wait",
              description: complete ? t("plan.complete") : t("plan.incomplete"),
              "data-testid": `plan-step-${section.id}`,
              "data-complete": complete ? "true" : "false",
            };
          })}
        />
      </Col>
      <Col xs={24} md={16}>
        <Form
          form={form}
          layout="vertical"
          disabled={disabled}
          initialValues={initial}
          onValuesChange={() => onChange(form.getFieldsValue(true))}
          data-testid="plan-form"
        >
          {sections.map((section, index) => (
            // Every section stays mounted (values kept, validation whole); only the chosen one shows.
            <Card
              key={section.id}
              size="small"
              title={`${section.number} ${localized(section.title, locale)}`}
              style={{ display: index === current ? undefined : "none" }}
              data-testid={`plan-section-${section.id}`}
            >
              {section.fields.map((field) => (
                <Form.Item
                  key={field.id}
                  name={[section.id, field.id]}
                  label={localized(field.label, locale)}
                  extra={field.help ? localized(field.help, locale) : undefined}
                  rules={fieldRules(field, messages)}
                >
                  <FieldInput field={field} testId={`plan-${section.id}-${field.id}`} />
                </Form.Item>
              ))}
            </Card>
          ))}
        </Form>
        <Space style={{ marginTop: 16 }}>
          <Button disabled={current === 0} onClick={() => setCurrent(current - 1)}>
            {t("plan.previous")}
          </Button>
          <Button
            disabled={current >= sections.length - 1}
            onClick={() => setCurrent(current + 1)}
            data-testid="plan-next"
          >
            {t("plan.next")}
          </Button>
        </Space>
      </Col>
    </Row>
  );
}

function FieldInput({ field, testId, ...control }: { field: OutlineField; testId: string }) {
  switch (field.type) {
    case "text":
      return <Input {...control} data-testid={testId} />;
    case "longtext":
      return <Input.TextArea {...control} autoSize={{ minRows: 4, maxRows: 16 }} data-testid={testId} />;
    case "number":
      return <InputNumber {...control} style={{ width: "100%" }} data-testid={testId} />;
    case "cny":
      return <CnyInput {...control} data-testid={testId} />;
    case "date":
      return <Input {...control} type="date" data-testid={testId} />;
  }
}
