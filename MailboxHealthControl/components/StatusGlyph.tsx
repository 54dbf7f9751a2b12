/** @jsx h */
import * as React from 'react';
import type { CheckStatus } from '../../diagnostics';
import { h } from './h';

export type GlyphShape = CheckStatus;

const SHAPE: Record<GlyphShape, string> = {
  // circle + check
  pass: 'M5 8.2 7 10.2 11 6',
  // triangle + exclamation (the triangle is drawn below)
  warn: 'M8 6v3.2M8 11.2v.1',
  // circle + cross
  fail: 'M5.6 5.6 10.4 10.4M10.4 5.6 5.6 10.4',
  // circle + i
  info: 'M8 7.2v4M8 5v.1',
  // circle + dash
  skipped: 'M5 8h6',
  // circle + question mark
  error: 'M6.3 6.3a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.6-.7 1.1v.4M8 11.3v.1',
};

/**
 * A status drawn as a shape (check, triangle, cross, i, dash, ?) so it never relies on colour; the words next to it
 * carry the meaning for screen readers, so the glyph itself is hidden from them.
 */
export const StatusGlyph: React.FC<{ shape: GlyphShape; colour: string; size?: number; className?: string }> = ({
  shape,
  colour,
  size = 16,
  className,
}) => {
  const triangle = shape === 'warn';
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      data-status={shape}
      fill="none"
      stroke={colour}
      strokeWidth={1.6}
      strokeLinecap="round"
    >
      {triangle ? <path d="M8 1.8 14.6 13.6H1.4Z" /> : <circle cx="8" cy="8" r="6.6" />}
      <path d={SHAPE[shape]} />
    </svg>
  );
};
