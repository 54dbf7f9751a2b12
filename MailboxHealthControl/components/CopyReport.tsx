/** @jsx h */
import * as React from 'react';
import { DefaultButton, type IContextualMenuProps } from '@fluentui/react';
import { h } from './h';
import { usePanel } from './panel-context';

/** Copies the whole diagnosis (Markdown by default, or plain text from the menu) for a support ticket. */
export const CopyReport: React.FC<{
  render(format: 'text' | 'markdown'): string;
  copy(text: string): Promise<boolean>;
  onResult(ok: boolean): void;
}> = ({ render, copy, onResult }) => {
  const { strings } = usePanel();
  const run = (format: 'text' | 'markdown'): void => {
    let text: string;
    try {
      text = render(format);
    } catch {
      onResult(false);
      return;
    }
    copy(text).then(onResult, () => onResult(false));
  };
  const menuProps: IContextualMenuProps = {
    items: [
      { key: 'markdown', text: strings.t('panel.action.copyMarkdown'), onClick: () => run('markdown') },
      { key: 'text', text: strings.t('panel.action.copyText'), onClick: () => run('text') },
    ],
  };
  return <DefaultButton menuProps={menuProps}>{strings.t('panel.action.copyReport')}</DefaultButton>;
};
