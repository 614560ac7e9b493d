import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';

/** One column on phones, two on tablets, three on wide screens. */
export const FIELD_COL = { xs: 24, md: 12, xl: 8 } as const;
export const WIDE_COL = { xs: 24 } as const;

export function FormSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      <Row gutter={16}>{children}</Row>
    </Card>
  );
}

export function Field({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return <Col {...(wide ? WIDE_COL : FIELD_COL)}>{children}</Col>;
}
