/** A labelled text input (or another single-value input type). */
export function TextField({
  id,
  label,
  value,
  onChange,
  type,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </>
  );
}

/** A form's submit button: while the submission is pending it is disabled and says so. */
export function SubmitButton({
  pending,
  busy,
  disabled = false,
  children,
}: {
  pending: boolean;
  /** What it says while pending ("Saving…"). */
  busy: string;
  /** Disabled for another reason too. */
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button type="submit" disabled={pending || disabled}>
      {pending ? busy : children}
    </button>
  );
}
