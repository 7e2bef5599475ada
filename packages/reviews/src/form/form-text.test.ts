import { describe, expect, it } from 'vitest';
import { reviewSubmissionProblems } from '../submission.js';
import { humanize, problemText } from './form-text.js';

describe('the review form text', () => {
  const { problems } = reviewSubmissionProblems(
    { invitation: 'abcdefghij.klmnopqrst', rating: 0, title: 'x'.repeat(121), body: '', author: '', language: 'en', attributes: { size: 'huge' }, photos: [1] },
    { attributes: { size: ['runs small'] } },
  ) as { problems: { field: string; message: string }[] };

  it('shows the shared English sentence in English', () => {
    for (const problem of problems) expect(problemText(problem, 'en')).toBe(problem.message);
  });

  it('has a Chinese sentence for every field the shared check can name', () => {
    expect(problems.map((p) => p.field).sort()).toEqual(['attributes.size', 'author', 'body', 'photos', 'rating', 'title']);
    const zh = problems.map((p) => problemText(p, 'zh-CN'));
    for (const sentence of zh) expect(sentence).toMatch(/[\u4e00-\u9fff].*。$/);
    expect(new Set(zh).size).toBe(zh.length);
    expect(problemText({ field: 'rating', message: '…' }, 'zh-CN')).toBe('请选择 1 到 5 星。');
  });

  it('shows question names and answers as words', () => {
    expect(humanize('true_to_size')).toBe('True to size');
    expect(humanize('runs small')).toBe('Runs small');
    expect(humanize('capacity')).toBe('Capacity');
  });
});
