import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRow, groupDepth } from './rows.ts';
import type { LedgerCell } from './text.ts';
import { groupContext } from './vocab.ts';

const t = (text: string): LedgerCell => ({ kind: 'text', text });
const n = (v: number): LedgerCell => ({ kind: 'number', text: String(v) });
const e: LedgerCell = { kind: 'empty' };

describe('row kinds', () => {
  it('tells groups, totals and notes from projects', () => {
    expect(classifyRow([t('一、产业项目（45个）'), e, n(12000), n(3000)], 1)).toBe('group');
    expect(classifyRow([e, t('（一）新建项目'), n(12000)], 1)).toBe('group');
    expect(classifyRow([e, t('产业项目（12个）'), n(12000)], 1)).toBe('group');
    expect(classifyRow([t('一'), t('雨湖区'), e], 1)).toBe('data');
    expect(classifyRow([e, t('小  计'), n(5)], 1)).toBe('subtotal');
    expect(classifyRow([t('合计'), e, n(5)], 1)).toBe('total');
    expect(classifyRow([e, t('全市合计'), n(5)], 1)).toBe('total');
    expect(classifyRow([e, e, e], 1)).toBe('blank');
    expect(classifyRow([t(' '), t('—'), e], 1)).toBe('blank');
    expect(classifyRow([n(1), n(2), n(3), n(4)], 1)).toBe('index');
    expect(classifyRow([t('甲'), t('乙'), n(1), n(2)], 1)).toBe('index');
    expect(classifyRow([t('注：本表金额单位为万元'), e], 1)).toBe('note');
    expect(classifyRow([n(1), t('湘潭智能装备产业园（二期）'), n(5000)], 1)).toBe('data');
    expect(classifyRow([n(3), t('1、湘潭某某厂房项目'), n(5000)], 1)).toBe('data');
  });

  it('takes a row with a project name and figures for a project', () => {
    const name = fc.string({ minLength: 2, maxLength: 20, unit: fc.constantFrom(...'湘潭雨湖智能装备产业园项目二期厂房道路') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), name, fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 6 }), (seq, nm, figures) => {
        expect(classifyRow([n(seq), t(nm), ...figures.map(n)], 1)).toBe('data');
      }),
    );
  });

  it('nests groups by their numbering', () => {
    expect(groupDepth('一、产业项目')).toBe(1);
    expect(groupDepth('（二）续建项目')).toBe(2);
    expect(groupDepth('1．先进制造')).toBe(3);
    expect(groupDepth('湘潭产业园')).toBeNull();
  });

  it('reads what a group row says about its projects', () => {
    expect(groupContext('一、产业项目（45个）')).toEqual({ category: 'industry' });
    expect(groupContext('（一）新建项目')).toEqual({ status: 'new' });
    expect(groupContext('二、"两新一重"项目')).toEqual({ category: 'infrastructure' });
    expect(groupContext('三、省重点项目（3个）')).toEqual({ levels: ['province'] });
  });
});
