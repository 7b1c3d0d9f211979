import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** The title row every portal page starts with: title, one line of context, actions on the right. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="flex-start" gap="middle" wrap style={{ marginBottom: 16 }}>
      <div>
        {/* The page's one h1 (screen readers jump to it), at the size of an h3: a portal page, not a poster. */}
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <Flex gap="small">{extra}</Flex> : null}
    </Flex>
  );
}
