import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  affiliationSchema,
  type CenterFacts,
  expertiseSchema,
  type FactChoice,
  formationModeLabels,
  formationModeSchema,
  organizationTypeLabels,
  organizationTypeSchema,
  type PlatformKind,
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
import { useTranslation } from "react-i18next";
import { applicantNamespace } from "../messages";
import { CnyInput, YesNo } from "./inputs";

/**
 * CenterFacts as a form: form names follow the schema's paths, so the values are the facts
 * (factsFromForm only tidies blanks). Lead unit, co-build units, governance bodies, director, funds.
 */
export function FactsForm({
  form,
  kind,
  choices,
  initial,
  disabled,
  locale,
  onChange,
}: {
  form: FormInstance;
  kind: PlatformKind;
  /** The module's vocabulary for the facts it defines (Sichuan's eight demonstration tasks). */
  choices: { demonstrationTasks: readonly FactChoice[] };
  initial: CenterFacts | null;
  disabled: boolean;
  locale: Locale;
  onChange: (values: unknown) => void;
}) {
  const { t } = useTranslation(applicantNamespace);
  const organizationTypes = organizationTypeSchema.options.map((value) => ({
    value,
    label: localized(organizationTypeLabels[value], locale),
  }));
  const expertise = expertiseSchema.options.map((value) => ({ value, label: t(`facts.expertise.${value}`) }));
  const affiliations = affiliationSchema.options.map((value) => ({
    value,
    label: t(`facts.member.affiliationOption.${value}`),
  }));

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={initial ?? {}}
      onValuesChange={() => onChange(form.getFieldsValue(true))}
      data-testid="facts-form"
    >
      <Card size="small" title={t("facts.sections.leadUnit")} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={["leadUnit", "name"]} label={t("facts.leadUnit.name")}>
              <Input data-testid="facts-leadUnit-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={["leadUnit", "type"]} label={t("facts.leadUnit.type")}>
              <Select options={organizationTypes} allowClear data-testid="facts-leadUnit-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t("facts.category")}>
              <Select
                allowClear
                options={(["comprehensive", "domain"] as const).map((value) => ({
                  value,
                  label: t(`facts.categoryOption.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="formationMode" label={t("facts.formationMode")}>
              <Select
                allowClear
                options={formationModeSchema.options.map((value) => ({
                  value,
                  label: localized(formationModeLabels[value], locale),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={["leadUnit", "industryLeader"]} label={t("facts.leadUnit.industryLeader")}>
              <YesNo />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="fields" label={t("facts.fields")}>
              <Select mode="tags" placeholder={t("facts.fieldsPlaceholder")} open={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t("facts.leadUnit.rdYears")} required={false}>
          <Row gutter={8}>
            {[0, 1, 2].map((year) => (
              <Col span={8} key={year}>
                <Form.Item name={["leadUnit", "rdExpenditureLast3Years", year]} noStyle>
                  <CnyInput
                    placeholder={t("facts.leadUnit.rdYear", { n: year + 1 })}
                    data-testid={`facts-rd-${year}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={["leadUnit", "annualIncome"]} label={t("facts.leadUnit.annualIncome")}>
              <CnyInput data-testid="facts-annualIncome" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={["leadUnit", "technicalServiceIncome"]}
              label={t("facts.leadUnit.technicalServiceIncome")}
            >
              <CnyInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={["leadUnit", "transferCasesInField"]}
              label={t("facts.leadUnit.transferCasesInField")}
            >
              <InputNumber min={0} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={["leadUnit", "provincialPlatformSupport"]}
              label={t("facts.leadUnit.provincialPlatformSupport")}
            >
              <YesNo />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {/* A zone (sc-zone-2018) is judged on its own questions; the governance of a center does not apply. */}
      {kind === "transfer-demonstration-zone" ? (
        <Card
          size="small"
          title={t("facts.sections.zone")}
          style={{ marginBottom: 16 }}
          data-testid="facts-zone"
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name={["zone", "applicantIsCityBureau"]} label={t("facts.zone.cityBureau")}>
                <YesNo testId="facts-zone-city-bureau" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["zone", "siteType"]} label={t("facts.zone.siteType")}>
                <Select
                  allowClear
                  data-testid="facts-zone-site-type"
                  options={(["park", "high-tech-base", "university-science-park"] as const).map((value) => ({
                    value,
                    label: t(`facts.zone.siteTypeOption.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["zone", "demonstrationTasks"]} label={t("facts.zone.tasks")}>
                <Select
                  mode="multiple"
                  allowClear
                  data-testid="facts-zone-tasks"
                  options={choices.demonstrationTasks.map((task) => ({
                    value: task.id,
                    label: `${task.clause} ${localized(task.name, locale)}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["zone", "indicatorCount"]} label={t("facts.zone.indicatorCount")}>
                <InputNumber
                  min={0}
                  precision={0}
                  style={{ width: "100%" }}
                  data-testid="facts-zone-indicators"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      ) : null}
      {kind !== "transfer-demonstration-zone" ? (
        <>
          <Card size="small" title={t("facts.sections.coBuild")} style={{ marginBottom: 16 }}>
            <Form.List name="coBuildUnits">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row) => (
                    <Space key={row.key} align="baseline" wrap>
                      <Form.Item
                        name={[row.name, "name"]}
                        rules={[{ required: true, message: t("editor.validation.required") }]}
                      >
                        <Input placeholder={t("facts.coBuild.name")} />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, "type"]}
                        rules={[{ required: true, message: t("editor.validation.required") }]}
                      >
                        <Select
                          options={organizationTypes}
                          placeholder={t("facts.coBuild.type")}
                          style={{ width: 180 }}
                        />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(row.name)}
                        aria-label="remove"
                      />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})}>
                    {t("facts.coBuild.add")}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>

          <Card size="small" title={t("facts.sections.legal")} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={["legalEntity", "independent"]} label={t("facts.legalEntity.independent")}>
                  <YesNo />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={["legalEntity", "registeredCapital"]}
                  label={t("facts.legalEntity.registeredCapital")}
                >
                  <CnyInput />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="hasCharter" label={t("facts.legalEntity.hasCharter")}>
                  <YesNo />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t("facts.sections.board")} style={{ marginBottom: 16 }}>
            <Members name={["board", "members"]} affiliations={affiliations} expertise={expertise} />
          </Card>

          <Card size="small" title={t("facts.sections.committee")} style={{ marginBottom: 16 }}>
            <Form.Item name={["committee", "kind"]} label={t("facts.committee.kind")}>
              <Select
                allowClear
                style={{ maxWidth: 280 }}
                options={(["expert-committee", "tech-guidance-committee"] as const).map((value) => ({
                  value,
                  label: t(`facts.committee.kindOption.${value}`),
                }))}
              />
            </Form.Item>
            <Members name={["committee", "members"]} affiliations={affiliations} expertise={expertise} />
            <Form.Item label={t("facts.committee.chair")} style={{ marginTop: 16 }}>
              <Space wrap>
                <Form.Item name={["committee", "chair", "name"]} noStyle>
                  <Input placeholder={t("facts.member.name")} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={["committee", "chair", "affiliation"]} noStyle>
                  <Select
                    options={affiliations}
                    placeholder={t("facts.member.affiliation")}
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Form.Item name={["committee", "chair", "organization"]} noStyle>
                  <Input placeholder={t("facts.member.organization")} style={{ width: 200 }} />
                </Form.Item>
              </Space>
            </Form.Item>
          </Card>

          <Card size="small" title={t("facts.sections.director")} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={["director", "monthsPerYearAtCenter"]} label={t("facts.director.months")}>
                  <InputNumber
                    min={0}
                    max={12}
                    precision={0}
                    style={{ width: "100%" }}
                    data-testid="facts-director-months"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={["director", "fullTime"]} label={t("facts.director.fullTime")}>
                  <YesNo />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t("facts.sections.funds")}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="fiscalSupport" label={t("facts.funds.fiscalSupport")}>
                  <CnyInput />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="matchingRdFunds" label={t("facts.funds.matchingRdFunds")}>
                  <CnyInput />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </>
      ) : null}
    </Form>
  );
}

type Option = { value: string; label: string };

/** A governance body's members: name, affiliation, organization, expertise, director flag. */
function Members({
  name,
  affiliations,
  expertise,
}: {
  name: string[];
  affiliations: Option[];
  expertise: Option[];
}) {
  const { t } = useTranslation(applicantNamespace);
  const required = [{ required: true, message: t("editor.validation.required") }];
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Space key={row.key} align="baseline" wrap>
              <Form.Item name={[row.name, "name"]} rules={required}>
                <Input placeholder={t("facts.member.name")} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[row.name, "affiliation"]} rules={required}>
                <Select
                  options={affiliations}
                  placeholder={t("facts.member.affiliation")}
                  style={{ width: 140 }}
                />
              </Form.Item>
              <Form.Item name={[row.name, "organization"]}>
                <Input placeholder={t("facts.member.organization")} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name={[row.name, "expertise"]}>
                <Select
                  options={expertise}
                  allowClear
                  placeholder={t("facts.member.expertise")}
                  style={{ width: 120 }}
                />
              </Form.Item>
              <Form.Item name={[row.name, "isDirector"]} valuePropName="checked">
                <Checkbox>{t("facts.member.isDirector")}</Checkbox>
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="remove" />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})}>
            {t("facts.member.add")}
          </Button>
        </>
      )}
    </Form.List>
  );
}
