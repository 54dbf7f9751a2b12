/**
 * What every part of the panel reads and nothing changes below the root: the strings, the status colours, the class
 * names and the id prefix. The panel provides them once; each component takes them from here instead of its props.
 */
import * as React from 'react';
import type { Strings } from '../model/strings';
import type { StatusColours } from '../model/theme';
import type { PanelClassNames } from './styles';

export interface PanelContextValue {
  strings: Strings;
  colours: StatusColours;
  classNames: PanelClassNames;
  /** Unique per panel on the page, so two panels' element ids (labels, "See …" targets) never collide. */
  idPrefix: string;
}

export const PanelContext = React.createContext<PanelContextValue | null>(null);

export function usePanel(): PanelContextValue {
  const value = React.useContext(PanelContext);
  // A component rendered outside the panel has no strings to show: say where they come from rather than crash later.
  if (value === null)
    throw new Error('usePanel: render inside <PanelContext.Provider> (MailboxHealthPanel provides it)');
  return value;
}
