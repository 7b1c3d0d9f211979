import { DownloadOutlined } from "@ant-design/icons";
import type { DirectoryQuery } from "@kechuang/domain";
import { Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { publicNamespace } from "../messages";
import { type DownloadFormat, downloadFormats, downloadHref } from "./directoryUrl";

const formatNames: Record<DownloadFormat, string> = { csv: "CSV", xlsx: "Excel", json: "JSON" };

/** The current results as files: the same conditions as the page, every page at once. */
export function DownloadLinks({ query }: { query: DirectoryQuery }) {
  const { t } = useTranslation(publicNamespace);
  return (
    <Space wrap role="group" aria-labelledby="directory-download-label">
      <Typography.Text id="directory-download-label" title={t("directory.downloadHint")}>
        {t("directory.download")}
      </Typography.Text>
      {downloadFormats.map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined aria-hidden />}
          href={downloadHref(query, format)}
          download
          aria-label={t("directory.downloadAs", { format: formatNames[format] })}
          data-testid={`download-${format}`}
        >
          {formatNames[format]}
        </Button>
      ))}
    </Space>
  );
}
