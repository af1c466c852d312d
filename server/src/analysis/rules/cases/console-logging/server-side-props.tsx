// @case library=pino loggerModule=src/logger.ts path=pages/items/[id].tsx
// A Next.js page is browser code, but its getServerSideProps runs in the server for every request:
// its console calls are the server's (no fix: the page's imports reach the client bundle too).
import type { GetServerSideProps } from 'next';

export const getServerSideProps: GetServerSideProps = async (context) => {
  try {
    return { props: { id: String(context.params?.id) } };
  } catch (e) {
    console.error(e);
  //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    return { notFound: true };
  }
};

export default function Item({ id }: { id: string }) {
  const onClick = () => console.log('clicked', id);
  return <button onClick={onClick}>{id}</button>;
}
