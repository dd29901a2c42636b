import { createElement, lazy, type ComponentProps, type ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy's own signature: any component
type AnyComponent = ComponentType<any>;

/** A component whose code loads on demand, with `load` to start that loading ahead of the first render. */
export type Loadable<T extends AnyComponent> = ComponentType<ComponentProps<T>> & { load: () => Promise<unknown> };

/**
 * Like React.lazy, but once its code has arrived it renders at once, in the update that shows it, instead of
 * suspending for a tick and rendering in a later, time-sliced retry. The wallet islands load their code as the
 * visitor reaches for a button and show it only once it is in, so a press on Connect renders the whole stack and
 * opens the modal in one task. Before the code is in, it suspends like React.lazy (a Suspense boundary shows its
 * fallback). A failed load is forgotten, so the next `load` tries again (a render that already saw the failure
 * throws it, as React.lazy does, until a later `load` succeeds).
 */
export function loadable<T extends AnyComponent>(importer: () => Promise<{ default: T }>): Loadable<T> {
  let loaded: T | undefined;
  let pending: Promise<{ default: T }> | undefined;
  const load = () =>
    (pending ??= importer().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(load);
  // Lazy never commits once `loaded` is set (set before React's own callback on the same promise runs), so
  // switching from it to the loaded component remounts nothing that was shown.
  const Component = (props: ComponentProps<T>) => (loaded ? createElement(loaded, props) : createElement(Lazy, props));
  return Object.assign(Component, { load });
}
