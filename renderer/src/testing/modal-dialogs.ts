/**
 * jsdom has <dialog> without showModal/close; these do what a browser does to the element's state
 * (the `open` attribute), so a component's own dialog code runs unchanged in renderer tests.
 */
export const giveDialogsModality = (): void => {
  const proto = HTMLDialogElement.prototype;
  // jsdom leaves them undefined; the DOM types say they always exist.
  if (typeof (proto.showModal as unknown) === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
};
