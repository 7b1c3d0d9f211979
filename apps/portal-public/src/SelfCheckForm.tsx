import {
  affiliationSchema,
  expertiseSchema,
  type FactChoice,
  formationModeLabels,
  formationModeSchema,
  organizationTypeLabels,
  organizationTypeSchema,
  platformKindSchema,
} from "@kechuang/domain";
import { type Locale, localized } from "@kechuang/ui";
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ChoiceCheckboxes, WanInput, wanRule, YesNoSelect } from "./factInputs";
import { publicNamespace } from "./messages";
import type { SelfCheckValues } from "./selfCheck";

const half = { xs: 24, md: 12 } as const;
const third = { xs: 24, md: 8 } as const;
/** centerFactsSchema's zone.demonstrationTasks allows at most 8. */
const maxTasks = 8;

/** The CenterFacts form, in sections; amounts in 万元. Names follow SelfCheckValues' paths. */
export function SelfCheckForm({
  form,
  locale,
  initialValues,
  onValuesChange,
  footer,
  taskChoices,
  taskChoicesError,
}: {
  form: FormInstance<SelfCheckValues>;
  locale: Locale;
  initialValues: SelfCheckValues;
  onValuesChange(): void;
  footer: ReactNode;
  /** The governing modules' demonstration tasks (factChoices): a zone picks from these. */
  taskChoices: readonly FactChoice[];
  taskChoicesError: boolean;
}) {
  const { t } = useTranslation([publicNamespace, "common"]);
  const kind = Form.useWatch("kind", form);
  const amount = [wanRule(t("selfCheck.amountInvalid"))];
  const orgTypes = organizationTypeSchema.options.map((value) => ({
    value,
    label: localized(organizationTypeLabels[value], locale),
  }));

  return (
    <Form<SelfCheckValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      scrollToFirstError
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small" title={t("selfCheck.section.basics")}>
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item name="kind" label={t("selfCheck.field.kind")} rules={[{ required: true }]}>
                <Select
                  data-testid="fact-kind"
                  options={platformKindSchema.options.map((value) => ({
                    value,
                    label: t(`common:kind.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="category" label={t("selfCheck.field.category")}>
                <Select
                  allowClear
                  options={(["comprehensive", "domain"] as const).map((value) => ({
                    value,
                    label: t(`selfCheck.category.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="formationMode" label={t("selfCheck.field.formationMode")}>
                <Select
                  allowClear
                  options={formationModeSchema.options.map((value) => ({
                    value,
                    label: localized(formationModeLabels[value], locale),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="fields"
                label={t("selfCheck.field.fields")}
                extra={t("selfCheck.field.fieldsHint")}
              >
                <Select mode="tags" open={false} suffixIcon={null} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t("selfCheck.section.leadUnit")} extra={t("selfCheck.unitHint")}>
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item name={["leadUnit", "name"]} label={t("selfCheck.field.leadName")}>
                <Input />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name={["leadUnit", "type"]} label={t("selfCheck.field.leadType")}>
                <Select allowClear data-testid="fact-lead-type" options={orgTypes} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name={["leadUnit", "industryLeader"]} label={t("selfCheck.field.industryLeader")}>
                <YesNoSelect />
              </Form.Item>
            </Col>
            {[0, 1, 2].map((index) => (
              <Col {...third} key={index}>
                <Form.Item
                  name={["leadUnit", "rdWan", index]}
                  label={t("selfCheck.field.rdYear", { n: index + 1 })}
                  rules={amount}
                >
                  <WanInput testId={`fact-rd-${index}`} />
                </Form.Item>
              </Col>
            ))}
            <Col {...third}>
              <Form.Item
                name={["leadUnit", "annualIncomeWan"]}
                label={t("selfCheck.field.annualIncome")}
                rules={amount}
              >
                <WanInput />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name={["leadUnit", "technicalServiceIncomeWan"]}
                label={t("selfCheck.field.serviceIncome")}
                rules={amount}
              >
                <WanInput />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name={["leadUnit", "transferCasesInField"]}
                label={t("selfCheck.field.transferCases")}
              >
                <InputNumber min={0} precision={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name={["leadUnit", "provincialPlatformSupport"]}
                label={t("selfCheck.field.provincialSupport")}
              >
                <YesNoSelect />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t("selfCheck.section.coBuild")}>
          <Form.List name="coBuildUnits">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Row gutter={16} key={row.key} align="bottom">
                    <Col xs={24} md={12}>
                      <Form.Item name={[row.name, "name"]} label={t("selfCheck.field.coBuildName")}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={8}>
                      <Form.Item name={[row.name, "type"]} label={t("selfCheck.field.coBuildType")}>
                        <Select options={orgTypes} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item>
                        <Button danger onClick={() => remove(row.name)}>
                          {t("selfCheck.remove")}
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" onClick={() => add({})}>
                  {t("selfCheck.add.coBuild")}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={t("selfCheck.section.entity")}>
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item name={["legalEntity", "independent"]} label={t("selfCheck.field.independent")}>
                <YesNoSelect />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item
                name={["legalEntity", "registeredCapitalWan"]}
                label={t("selfCheck.field.registeredCapital")}
                rules={amount}
              >
                <WanInput />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="hasCharter" label={t("selfCheck.field.hasCharter")}>
                <YesNoSelect />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t("selfCheck.section.board")}>
          <MemberRows listName="boardMembers" withFlags={false} />
        </Card>

        <Card size="small" title={t("selfCheck.section.committee")}>
          <Form.Item
            name="committeeKind"
            label={t("selfCheck.field.committeeKind")}
            style={{ maxWidth: 320 }}
          >
            <Select
              allowClear
              options={(["expert-committee", "tech-guidance-committee"] as const).map((value) => ({
                value,
                label: t(`selfCheck.committeeKind.${value}`),
              }))}
            />
          </Form.Item>
          <MemberRows listName="committeeMembers" withFlags />
        </Card>

        <Card size="small" title={t("selfCheck.section.director")} extra={t("selfCheck.unitHint")}>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item
                name={["director", "monthsPerYearAtCenter"]}
                label={t("selfCheck.field.directorMonths")}
              >
                <InputNumber min={0} max={12} precision={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={["director", "fullTime"]} label={t("selfCheck.field.directorFullTime")}>
                <YesNoSelect />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="fiscalSupportWan" label={t("selfCheck.field.fiscalSupport")} rules={amount}>
                <WanInput />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="matchingRdFundsWan" label={t("selfCheck.field.matchingFunds")} rules={amount}>
                <WanInput />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        {kind === "transfer-demonstration-zone" ? (
          <Card size="small" title={t("selfCheck.section.zone")}>
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item name={["zone", "applicantIsCityBureau"]} label={t("selfCheck.field.cityBureau")}>
                  <YesNoSelect />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name={["zone", "siteType"]} label={t("selfCheck.field.siteType")}>
                  <Select
                    allowClear
                    options={(["park", "high-tech-base", "university-science-park"] as const).map(
                      (value) => ({
                        value,
                        label: t(`selfCheck.siteType.${value}`),
                      }),
                    )}
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  name={["zone", "demonstrationTasks"]}
                  label={t("selfCheck.field.tasks")}
                  extra={
                    taskChoicesError ? t("selfCheckPrint.tasksUnavailable") : t("selfCheckPrint.tasksHint")
                  }
                >
                  <ChoiceCheckboxes
                    testId="fact-zone-tasks"
                    label={t("selfCheck.field.tasks")}
                    max={maxTasks}
                    choices={taskChoices.map((task) => ({
                      id: task.id,
                      label: `${task.clause} ${localized(task.name, locale)}`,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name={["zone", "indicatorCount"]} label={t("selfCheck.field.indicatorCount")}>
                  <InputNumber min={0} precision={0} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        ) : null}

        {footer}
      </Space>
    </Form>
  );
}

/** Board or committee members; committee rows also say who chairs and who is the center's director. */
function MemberRows({
  listName,
  withFlags,
}: {
  listName: "boardMembers" | "committeeMembers";
  withFlags: boolean;
}) {
  const { t } = useTranslation(publicNamespace);
  return (
    <Form.List name={listName}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Row gutter={12} key={row.key} align="bottom">
              <Col xs={12} md={5}>
                <Form.Item name={[row.name, "name"]} label={t("selfCheck.field.memberName")}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[row.name, "affiliation"]} label={t("selfCheck.field.affiliation")}>
                  <Select
                    options={affiliationSchema.options.map((value) => ({
                      value,
                      label: t(`selfCheck.affiliation.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[row.name, "organization"]} label={t("selfCheck.field.organization")}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[row.name, "expertise"]} label={t("selfCheck.field.expertise")}>
                  <Select
                    allowClear
                    options={expertiseSchema.options.map((value) => ({
                      value,
                      label: t(`selfCheck.expertise.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              {withFlags ? (
                <Col xs={16} md={4}>
                  <Form.Item>
                    <Space>
                      <Form.Item name={[row.name, "isChair"]} valuePropName="checked" noStyle>
                        <Checkbox>{t("selfCheck.field.isChair")}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[row.name, "isDirector"]} valuePropName="checked" noStyle>
                        <Checkbox>{t("selfCheck.field.isDirector")}</Checkbox>
                      </Form.Item>
                    </Space>
                  </Form.Item>
                </Col>
              ) : null}
              <Col xs={8} md={2}>
                <Form.Item>
                  <Button danger onClick={() => remove(row.name)}>
                    {t("selfCheck.remove")}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button type="dashed" onClick={() => add({})}>
            {t("selfCheck.add.member")}
          </Button>
        </>
      )}
    </Form.List>
  );
}
