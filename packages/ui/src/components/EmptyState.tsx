import { Button, Empty } from "antd";

export type NextStep = { label: string; onClick(): void };

/** An empty list always says what to do next, so nobody is left at a dead end. */
export function EmptyState({
  title,
  description,
  next,
}: {
  title: string;
  description?: string;
  next: NextStep;
}) {
  return (
    <Empty
      description={
        <>
          <strong>{title}</strong>
          {description ? <div>{description}</div> : null}
        </>
      }
    >
      <Button type="primary" onClick={next.onClick}>
        {next.label}
      </Button>
    </Empty>
  );
}
