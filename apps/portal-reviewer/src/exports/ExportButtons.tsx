import { DownloadOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { reviewerNamespace } from "../messages";
import { type ExportFilters, type ExportList, exportHref } from "./href";

/**
 * CSV and Excel downloads of one authority list with the filters on screen (issue 10). Plain links: the
 * server answers with the file (Content-Disposition: attachment), audited and rate limited there.
 */
export function ExportButtons({ list, filters = {} }: { list: ExportList; filters?: ExportFilters }) {
  const { t, i18n } = useTranslation(reviewerNamespace);
  const locale = i18n.language?.startsWith("en") ? "en" : "zh";
  return (
    <Space size="small" title={t("exports.hint")}>
      {(["csv", "xlsx"] as const).map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          href={exportHref(list, format, filters, locale)}
          download
          data-testid={`export-${list}-${format}`}
        >
          {t(`exports.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
