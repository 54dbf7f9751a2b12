/**
 * Renders the control the way the platform does: construct, init, updateView → React element, re-render on every
 * updateView. The engine is the real one (instant sleep, the fixtures' clock); the port is the shared fake.
 */
import { act, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MailboxHealthControl } from '../../MailboxHealthControl';
import { createEngine } from '../../MailboxHealthControl/engine-adapter';
import type { PanelEngine } from '../../MailboxHealthControl/model/engine';
import { FakeWebApi } from '../../simulator/fake';
import { environment, IDS, now } from '../support/fixtures';
import { mockContext, type MockContextOptions } from './mock-context';

export const testEngine = createEngine({ now, sleep: async () => undefined });

export interface Rendered extends RenderResult {
  control: MailboxHealthControl;
  /** Runs updateView again with a changed context, as the platform does when the form changes. */
  update(options: Partial<MockContextOptions>): void;
}

export function renderControl(
  options: Partial<MockContextOptions> & { webAPI: MockContextOptions['webAPI']; engine?: PanelEngine },
): Rendered {
  const { engine = testEngine, ...contextOptions } = options;
  let current: MockContextOptions = { entityId: IDS.mailbox, ...contextOptions };
  const control = new MailboxHealthControl(engine, now);
  const context = mockContext(current);
  control.init(context);
  const result = render(control.updateView(context));
  return {
    ...result,
    control,
    update(changes) {
      current = { ...current, ...changes };
      result.rerender(control.updateView(mockContext(current)));
    },
  };
}

/** The shared fake over the healthy baseline, optionally changed. */
export function fake(changes?: Parameters<typeof environment>[0]): FakeWebApi {
  return new FakeWebApi(environment(changes), { now });
}

export { IDS, now };

/**
 * A click whose consequences (engine runs over the fake, which answers in microtasks) all land inside act: user-event
 * awaits between pointer events, so without this the engine's answer can arrive between two acts.
 */
export async function click(element: Element): Promise<void> {
  await act(async () => {
    await userEvent.click(element);
  });
}
