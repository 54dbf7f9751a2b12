/**
 * The JSX factory of the control's components (`/** @jsx h *\/` at the top of each .tsx). The same as
 * React.createElement; one local name instead of a property read on the platform's React at each of ~110 elements
 * keeps the bundle under its 60 KB budget.
 */
import * as React from 'react';

export const h = React.createElement;
export const Fragment = React.Fragment;
