import { useId } from "react";
import { MODELS } from "./constants.js";

/** A labelled "Model" text field suggesting the usual models; any other name may be typed. */
export function ModelField({
  value,
  onChange,
  required,
}: {
  value: string;
  onChange: (model: string) => void;
  required?: boolean;
}) {
  const listId = useId();
  return (
    <label>
      Model
      <input list={listId} required={required} value={value} onChange={(event) => onChange(event.target.value)} />
      <datalist id={listId}>
        {MODELS.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
    </label>
  );
}
