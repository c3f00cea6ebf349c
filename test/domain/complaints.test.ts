import { describe, expect, test } from 'vitest';
import { closeStep, eventDate, handleStep, initialComplaintStatus, parseNoteKind, parseScore, type ComplaintState } from '../../src/domain/complaints.js';

const open: ComplaintState = { kind: 'complaint', noted_on: '2026-11-10', complaint_status: 'open', handled_on: null };
const handled: ComplaintState = { ...open, complaint_status: 'handled', handled_on: '2026-11-12' };

describe('note kinds', () => {
  test.each([
    ['call', 'call'],
    ['CALL', 'call'],
    ['e-mail', 'email'],
    ['电话', 'call'],
    ['信函', 'letter'],
    ['传真', 'fax'],
    ['邮件', 'email'],
    ['会面', 'meeting'],
    ['变更', 'change'],
    ['投诉', 'complaint'],
    ['反馈', 'feedback'],
    [' 投诉 ', 'complaint'],
  ])('%s is %s', (text, kind) => expect(parseNoteKind(text)).toBe(kind));

  test.each(['visit', 'sms', '', '电报'])('%j is no kind', (text) => expect(parseNoteKind(text)).toBeNull());

  test('only complaints start a lifecycle', () => {
    expect(initialComplaintStatus('complaint')).toBe('open');
    expect(initialComplaintStatus('call')).toBeNull();
  });
});

describe('event dates', () => {
  test('default today, real dates, not in the future', () => {
    expect(eventDate(undefined, '2026-11-23')).toEqual({ ok: true, date: '2026-11-23' });
    expect(eventDate('2026年11月1日', '2026-11-23')).toEqual({ ok: true, date: '2026-11-01' });
    expect(eventDate('2026-11-23', '2026-11-23')).toEqual({ ok: true, date: '2026-11-23' });
    expect(eventDate('2026-11-24', '2026-11-23')).toEqual({ ok: false, reason: 'future' });
    expect(eventDate('2026-02-30', '2026-11-23')).toEqual({ ok: false, reason: 'bad' });
    expect(eventDate('yesterday', '2026-11-23')).toEqual({ ok: false, reason: 'bad' });
  });
});

describe('complaint lifecycle', () => {
  test('open → handled sets handler, resolution and date', () => {
    expect(handleStep(open, 7, ' replaced ', '2026-11-12')).toEqual({
      ok: true,
      values: { complaint_status: 'handled', handler_id: 7, resolution: 'replaced', handled_on: '2026-11-12' },
    });
  });

  test('handling is refused for other notes, twice, without resolution or before the complaint', () => {
    expect(handleStep({ ...open, kind: 'call', complaint_status: null }, 1, 'x', '2026-11-12')).toEqual({ ok: false, refusal: 'not_complaint' });
    expect(handleStep(handled, 1, 'x', '2026-11-12')).toEqual({ ok: false, refusal: 'already_handled' });
    expect(handleStep({ ...handled, complaint_status: 'closed' }, 1, 'x', '2026-11-12')).toEqual({ ok: false, refusal: 'already_closed' });
    expect(handleStep(open, 1, '  ', '2026-11-12')).toEqual({ ok: false, refusal: 'no_resolution' });
    expect(handleStep(open, 1, 'x', '2026-11-09')).toEqual({ ok: false, refusal: 'before_previous' });
  });

  test('handled → closed; closing needs the handling first and a date not before it', () => {
    expect(closeStep(handled, '2026-11-12')).toEqual({ ok: true, values: { complaint_status: 'closed', closed_on: '2026-11-12' } });
    expect(closeStep(open, '2026-11-20')).toEqual({ ok: false, refusal: 'not_handled' });
    expect(closeStep(handled, '2026-11-11')).toEqual({ ok: false, refusal: 'before_previous' });
    expect(closeStep({ ...handled, complaint_status: 'closed' }, '2026-11-20')).toEqual({ ok: false, refusal: 'already_closed' });
  });
});

describe('survey scores', () => {
  test.each([
    ['1', 1],
    ['5', 5],
    ['３', 3],
  ])('%s is %d', (text, n) => expect(parseScore(text)).toBe(n));
  test.each(['0', '6', '4.5', 'four', '', undefined])('%j is refused', (text) => expect(parseScore(text)).toBeNull());
});
