/**
 * Entry point of the web resource mbh_/mailboxhealth/fleet.js, which fleet.html loads. React 16.14 and Fluent UI
 * 8.121.1 are bundled in (web resources get no platform libraries). It finds Dataverse (host.ts), then renders the page.
 */
import './fabric-config';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { themeFromDesignLanguage } from '../../MailboxHealthControl/model/theme';
import { FleetHealthPage } from './components/FleetHealthPage';
import { browserScriptLoader, resolveFleetHost } from './host';
import { registerFleetIcons } from './icons';

/** A download without a round trip: the file is made in the page. */
function download(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

registerFleetIcons();
const root = document.getElementById('fleet-health-root') ?? document.body.appendChild(document.createElement('div'));
ReactDOM.render(
  <FleetHealthPage
    connect={() =>
      resolveFleetHost(window as unknown as Parameters<typeof resolveFleetHost>[0], {
        loadScript: browserScriptLoader(document),
      })
    }
    theme={themeFromDesignLanguage(undefined)}
    download={download}
  />,
  root,
);
