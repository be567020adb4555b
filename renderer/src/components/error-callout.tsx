/** A failure the person must see, announced as it appears; nothing while there is none. */
export const ErrorCallout = ({ message }: { message: string | null | undefined }) =>
  message === null || message === undefined ? null : (
    <p className="callout callout--error" role="alert">
      {message}
    </p>
  );
