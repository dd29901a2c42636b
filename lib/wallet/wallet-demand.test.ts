// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  claimConnectRequest,
  connectRequestPending,
  dropConnectRequest,
  finishConnectRequest,
  islandIsLive,
  islandMounted,
  requestWallet,
  useWalletDemand,
} from './wallet-demand';

describe('wallet demand', () => {
  beforeAll(() => {
    islandMounted('header');
    islandMounted('panel');
  });

  it('opens the connect modal once, in the island whose button was pressed', () => {
    requestWallet('header');
    expect(claimConnectRequest('panel')).toBe(false);
    expect(claimConnectRequest('header')).toBe(true);
    // A re-run effect, or the same island again, does not open a second modal.
    expect(claimConnectRequest('header')).toBe(false);
    finishConnectRequest('header');
    expect(claimConnectRequest('header')).toBe(false);
  });

  it('keeps a pending request when another part only asks for the wallet to load', () => {
    requestWallet('panel');
    requestWallet();
    expect(claimConnectRequest('panel')).toBe(true);
    finishConnectRequest('panel');
  });

  it('brings the pressed island live first, the others once its modal has been drawn', () => {
    const idle = { wanted: false, connectRequestedBy: null };
    expect(islandIsLive(idle, 'header', false)).toBe(false);
    // A returning visitor's islands all go live at once, before any press.
    expect(islandIsLive(idle, 'panel', true)).toBe(true);
    const pressed = { wanted: true, connectRequestedBy: 'header' };
    expect(islandIsLive(pressed, 'header', false)).toBe(true);
    expect(islandIsLive(pressed, 'panel', false)).toBe(false);
    expect(islandIsLive({ wanted: true, connectRequestedBy: null }, 'panel', false)).toBe(true);
  });

  it('keeps the other islands waiting from the modal being asked for until its first frame', () => {
    requestWallet('header');
    expect(claimConnectRequest('header')).toBe(true);
    // Claimed, not yet drawn: the panel must not add its code and render to the modal's first frame.
    let state = { wanted: true, connectRequestedBy: 'header' as string | null };
    expect(islandIsLive(state, 'panel', false)).toBe(false);
    // Another island cannot finish a request that is not its own.
    finishConnectRequest('panel');
    expect(claimConnectRequest('panel')).toBe(false);
    finishConnectRequest('header');
    state = { wanted: true, connectRequestedBy: null };
    expect(islandIsLive(state, 'panel', false)).toBe(true);
  });

  it('drops a pending press only for the island that leaves the page before its modal opened', () => {
    requestWallet('panel');
    dropConnectRequest('header');
    expect(claimConnectRequest('panel')).toBe(true);
    finishConnectRequest('panel');
    requestWallet('panel');
    dropConnectRequest('panel');
    expect(claimConnectRequest('panel')).toBe(false);
  });

  it('only loads the wallet for a press whose island left the page before its code was in', () => {
    const leave = islandMounted('gone');
    leave();
    requestWallet('gone');
    // No modal will be opened for it, so nothing waits for one: the other islands go live, the tab reconnects.
    expect(connectRequestPending()).toBe(false);
    expect(claimConnectRequest('gone')).toBe(false);
    expect(islandIsLive({ wanted: true, connectRequestedBy: null }, 'panel', false)).toBe(true);
  });

  it('re-renders no island when the pressed one takes its request, only when the modal has been drawn', () => {
    requestWallet('header');
    let renders = 0;
    const { result, unmount } = renderHook(() => {
      renders++;
      return useWalletDemand();
    });
    const before = renders;
    // Taken in the layout effect that opens the modal: a re-render here would redo every island's stack in the
    // task the visitor waits on.
    act(() => void expect(claimConnectRequest('header')).toBe(true));
    expect(renders).toBe(before);
    act(() => finishConnectRequest('header'));
    expect(renders).toBe(before + 1);
    expect(result.current.connectRequestedBy).toBeNull();
    unmount();
  });
});
