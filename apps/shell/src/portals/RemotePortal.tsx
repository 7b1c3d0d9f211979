import type { PortalName, PortalProps } from "@kechuang/ui";
import { Button, Result, Spin } from "antd";
import { Component, lazy, type ReactNode, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { forgetPortal, loadPortal } from "./federation";
import { usePortalsConfig } from "./usePortalsConfig";

type Props = Omit<PortalProps, "basePath"> & { name: PortalName; basePath: string };

/**
 * One portal area. Its own error boundary and Suspense mean a portal whose manifest is missing or
 * whose code throws only blanks its own area: the header, sign-in and the other portals keep working.
 */
export function RemotePortal({ name, ...props }: Props) {
  const config = usePortalsConfig();
  const [attempt, setAttempt] = useState(0);
  const retry = () => {
    forgetPortal(name);
    if (config.isError) void config.refetch();
    setAttempt((count) => count + 1);
  };

  if (config.isPending) return <PortalLoading />;
  if (config.isError || !config.data.remotes.some((remote) => remote.name === name)) {
    return <PortalUnavailable name={name} onRetry={retry} />;
  }
  return (
    <PortalErrorBoundary key={attempt} name={name} onRetry={retry}>
      <Suspense fallback={<PortalLoading />}>
        <LazyPortal name={name} {...props} />
      </Suspense>
    </PortalErrorBoundary>
  );
}

function LazyPortal({ name, ...props }: Props) {
  // React.lazy caches a rejected import forever; a retry remounts this (the boundary's key changes),
  // which makes a fresh lazy component.
  const Portal = useMemo(() => lazy(() => loadPortal(name)), [name]);
  return <Portal {...props} />;
}

function PortalLoading() {
  const { t } = useTranslation("common");
  return (
    <div style={{ padding: 48, textAlign: "center" }}>
      <Spin description={t("portal.loading")} />
    </div>
  );
}

/** The title is always in both languages, so anyone reporting the failure can quote it either way. */
export function PortalUnavailable({ name, onRetry }: { name: PortalName; onRetry(): void }) {
  const { t } = useTranslation("common");
  return (
    <div role="alert" data-portal-unavailable={name}>
      <Result
        status="warning"
        title="该模块暂时无法加载 / This portal could not be loaded"
        subTitle={t("portal.loadFailedHint")}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t("state.retry")}
          </Button>
        }
      />
    </div>
  );
}

class PortalErrorBoundary extends Component<
  { name: PortalName; onRetry(): void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(`[shell] portal ${this.props.name} failed`, error);
  }

  override render() {
    return this.state.failed ? (
      <PortalUnavailable name={this.props.name} onRetry={this.props.onRetry} />
    ) : (
      this.props.children
    );
  }
}
