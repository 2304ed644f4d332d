import type { Key, ReactNode } from "react";
import { Empty, ErrorMessage, Loading } from "./Feedback";

/** What a list shows of its query: the refusal, that it loads, or that it found nothing. */
export function QueryState({
  query,
  count,
  what,
  children,
}: {
  query: { error: unknown; isPending: boolean; isSuccess: boolean };
  /** How many items the list holds. */
  count: number;
  /** What is loading, in words ("tasks"). */
  what: string;
  /** What to say when the query found nothing. */
  children: ReactNode;
}) {
  return (
    <>
      <ErrorMessage error={query.error} />
      {query.isPending && <Loading what={what} />}
      {query.isSuccess && count === 0 && <Empty>{children}</Empty>}
    </>
  );
}

/** A query's items, one list item each, after what {@link QueryState} has to say of the query. */
export function QueryList<T>({
  query,
  items,
  what,
  empty,
  itemKey,
  ordered = false,
  className = "plain",
  children,
}: {
  query: { error: unknown; isPending: boolean; isSuccess: boolean };
  items: readonly T[];
  /** What is loading, in words ("tasks"). */
  what: string;
  /** What to say when the query found nothing. */
  empty: ReactNode;
  itemKey: (item: T) => Key | undefined;
  /** An ordered list (a timeline) rather than a plain one. */
  ordered?: boolean;
  className?: string;
  /** What one item shows. */
  children: (item: T) => ReactNode;
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <>
      <QueryState query={query} count={items.length} what={what}>
        {empty}
      </QueryState>
      <List className={className}>
        {items.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </List>
    </>
  );
}

/** A table of rows under one header row of column names. */
export function ListTable({
  columns,
  className,
  caption,
  children,
}: {
  columns: readonly string[];
  className?: string;
  /** A caption read by screen readers only. */
  caption?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <table className={className}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
