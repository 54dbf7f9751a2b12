/**
 * The PCF lifecycle only: read the context into a host, hand it to the panel. Everything else lives in model/
 * (pure mapping) and components/ (layout).
 */
import * as React from 'react';
import { MailboxHealthPanel } from './components/MailboxHealthPanel';
import { realEngine } from './engine-adapter';
import type { PanelEngine } from './model/engine';
import type { IInputs, IOutputs } from './generated/ManifestTypes';
import { hostFromContext, type HostCache } from './model/host';

export class MailboxHealthControl implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private readonly cache: HostCache = {};

  /** The platform constructs the control without arguments; tests pass the engine and clock of their fixtures. */
  constructor(
    private readonly engine: PanelEngine = realEngine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  public init(context: ComponentFramework.Context<IInputs>): void {
    context.mode.trackContainerResize(true);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    return React.createElement(MailboxHealthPanel, {
      host: hostFromContext(context, this.cache, this.now),
      engine: this.engine,
    });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the panel; it holds no timers or subscriptions of its own.
  }
}
