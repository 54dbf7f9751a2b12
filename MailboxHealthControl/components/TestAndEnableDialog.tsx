/** @jsx h */
import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from '@fluentui/react';
import { h } from './h';
import { usePanel } from './panel-context';

/** The confirmation before anything is written: Cancel (or Escape) leaves the mailbox untouched. */
export const TestAndEnableDialog: React.FC<{
  open: boolean;
  address: string;
  onConfirm(): void;
  onCancel(): void;
}> = ({ open, address, onConfirm, onCancel }) => {
  const { strings } = usePanel();
  return (
    <Dialog
      hidden={!open}
      onDismiss={onCancel}
      dialogContentProps={{
        type: DialogType.normal,
        title: strings.t('panel.test.confirmTitle'),
        subText: strings.t('panel.test.confirmBody', { address }),
        showCloseButton: false,
        closeButtonAriaLabel: strings.t('panel.test.cancel'),
      }}
      modalProps={{ isBlocking: true }}
    >
      <DialogFooter>
        <PrimaryButton onClick={onConfirm}>{strings.t('panel.test.confirm')}</PrimaryButton>
        <DefaultButton onClick={onCancel}>{strings.t('panel.test.cancel')}</DefaultButton>
      </DialogFooter>
    </Dialog>
  );
};
