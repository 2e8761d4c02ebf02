import { lazy, Suspense, useEffect, useId, useState, type ReactNode } from 'react';
import {
  Button,
  ColorInput,
  Input,
  Loader,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { constraintsOf, type Field, type FieldOf } from './definitions';
import { LinkInput } from './LinkInput';
import { MediaInput } from './MediaInput';
import { colorValue, numberValue, pickerDate, storedDate, stringsOf } from './values';

// react-markdown and its parsers: loaded when a preview is first opened.
const MarkdownPreview = lazy(() => import('./MarkdownPreview'));

export interface FieldInputProps {
  field: Field;
  /** The value as the API stores it. */
  value: unknown;
  /** Called with the value as the API expects it. */
  onChange: (value: unknown) => void;
  /** The API's message about this field, shown under it. */
  error?: ReactNode;
}

interface WidgetProps<T extends Field['fieldType']> extends FieldInputProps {
  field: FieldOf<T>;
  /** The field's description and its constraints in words. */
  description: ReactNode;
}

function describe(field: Field): ReactNode {
  const parts = [field.description, constraintsOf(field)].filter(Boolean);
  if (field.disabled) parts.push('Not editable here');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The input for one field of an entry, chosen by its type. */
export function FieldInput(props: FieldInputProps) {
  const description = describe(props.field);
  const { field } = props;
  switch (field.fieldType) {
    case 'TEXT':
      return <TextWidget {...props} field={field} description={description} />;
    case 'LONGTEXT':
      return <LongTextWidget {...props} field={field} description={description} />;
    case 'BOOLEAN':
      return <BooleanWidget {...props} field={field} description={description} />;
    case 'NUMBER':
      return <NumberWidget {...props} field={field} description={description} />;
    case 'DATE':
      return <DateWidget {...props} field={field} description={description} />;
    case 'CHOICE':
      return <ChoiceWidget {...props} field={field} description={description} />;
    case 'COLOR':
      return <ColorWidget {...props} field={field} description={description} />;
    case 'LINK':
      return <LinkInput {...props} field={field} description={description} />;
    case 'LIST':
      return <ListWidget {...props} field={field} description={description} />;
    case 'MEDIA':
      return <MediaInput {...props} field={field} description={description} />;
  }
}

/**
 * The text of an input whose value is parsed as it is typed ("1." on the
 * way to "1.5"): kept as typed while it still means the field's value,
 * replaced when the value changes from outside (a reset, a reload).
 */
function useTyped<T>(value: unknown, parse: (text: T) => unknown, show: (value: unknown) => T) {
  const [text, setText] = useState<T>(() => show(value));
  useEffect(() => {
    if (parse(text) !== value) setText(show(value));
    // Only an outside change of the value resets the text: not every keystroke.
  }, [value]);
  return [text, setText] as const;
}

/** A stored value shown as text; one of another shape (a field whose type changed) as JSON. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function TextWidget({ field, value, onChange, error, description }: WidgetProps<'TEXT'>) {
  return (
    <TextInput
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      disabled={field.disabled}
      type={field.format === 'email' ? 'email' : field.format === 'uri' ? 'url' : 'text'}
      value={textOf(value)}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function LongTextWidget({ field, value, onChange, error, description }: WidgetProps<'LONGTEXT'>) {
  const [previewing, setPreviewing] = useState(false);
  const text = textOf(value);
  const previewId = `preview-${field.name}`;
  return (
    <Stack gap={4}>
      <Textarea
        label={field.label}
        description={description}
        error={error}
        withAsterisk={field.required}
        disabled={field.disabled}
        autosize
        minRows={4}
        maxRows={20}
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {field.format === 'markdown' && (
        <>
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={previewing}
              aria-controls={previewing ? previewId : undefined}
              onClick={() => setPreviewing((open) => !open)}
            >
              {previewing ? `Hide the preview of ${field.label}` : `Preview ${field.label}`}
            </Button>
          </div>
          {previewing && (
            <Paper
              withBorder
              p="sm"
              id={previewId}
              role="region"
              aria-label={`${field.label} preview`}
            >
              {text.trim() ? (
                <Suspense fallback={<Loader size="sm" aria-label="Loading the preview" />}>
                  <MarkdownPreview source={text} />
                </Suspense>
              ) : (
                <Text c="dimmed">Nothing to preview yet.</Text>
              )}
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}

function BooleanWidget({ field, value, onChange, error }: WidgetProps<'BOOLEAN'>) {
  const id = useId();
  const on = value === true;
  // The state in the entry type's words and any error sit outside the switch's <label>, where
  // Mantine would put them: there they would become part of the switch's name.
  const note = [on ? field.labelTrue : field.labelFalse, field.description];
  if (field.disabled) note.push('Not editable here');
  return (
    <div>
      <Switch
        id={id}
        label={field.label}
        disabled={field.disabled}
        checked={on}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-describedby={error ? `${id}-state ${id}-error` : `${id}-state`}
        aria-invalid={error ? true : undefined}
      />
      <Input.Description id={`${id}-state`} mt={4}>
        {note.filter(Boolean).join(' · ')}
      </Input.Description>
      {error && (
        <Input.Error id={`${id}-error`} mt={4}>
          {error}
        </Input.Error>
      )}
    </div>
  );
}

function NumberWidget({ field, value, onChange, error, description }: WidgetProps<'NUMBER'>) {
  const [typed, setTyped] = useTyped<number | string>(value, numberValue, (stored) =>
    typeof stored === 'number' ? stored : '',
  );
  return (
    <NumberInput
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      disabled={field.disabled}
      allowDecimal={field.format !== 'integer'}
      min={field.minValue}
      max={field.maxValue}
      // Out of bounds stays as typed: the API's message says so, rather than a silent change.
      clampBehavior="none"
      value={typed}
      onChange={(next) => {
        setTyped(next);
        onChange(numberValue(next));
      }}
    />
  );
}

function DateWidget({ field, value, onChange, error, description }: WidgetProps<'DATE'>) {
  const datetime = field.format === 'datetime';
  return (
    <DateInput
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      disabled={field.disabled}
      valueFormat={datetime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
      withTime={datetime}
      placeholder={datetime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
      clearable={!field.required}
      value={pickerDate(value, field.format)}
      onChange={(picked) => onChange(storedDate(picked, field.format))}
    />
  );
}

function ChoiceWidget({ field, value, onChange, error, description }: WidgetProps<'CHOICE'>) {
  const common = {
    label: field.label,
    description,
    error,
    withAsterisk: field.required,
    disabled: field.disabled,
  };
  if (field.format === 'multiple') {
    return (
      <MultiSelect
        {...common}
        data={field.choices}
        value={stringsOf(value)}
        onChange={onChange}
        searchable
        clearable={!field.required}
      />
    );
  }
  const chosen = typeof value === 'string' ? value : '';
  return (
    <NativeSelect
      {...common}
      data={[{ value: '', label: field.required ? 'Choose…' : '(none)' }, ...field.choices]}
      value={chosen}
      onChange={(event) => onChange(event.currentTarget.value || null)}
    />
  );
}

function ColorWidget({ field, value, onChange, error, description }: WidgetProps<'COLOR'>) {
  const parse = (text: string) => colorValue(text, field.format);
  const [typed, setTyped] = useTyped<string>(value, parse, textOf);
  return (
    <ColorInput
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      disabled={field.disabled}
      format={field.format === 'rgba' ? 'hexa' : 'hex'}
      withEyeDropper={false}
      value={typed}
      onChange={(next) => {
        setTyped(next);
        onChange(parse(next));
      }}
    />
  );
}

function ListWidget({ field, value, onChange, error, description }: WidgetProps<'LIST'>) {
  return (
    <TagsInput
      label={field.label}
      description={description}
      error={error}
      withAsterisk={field.required}
      disabled={field.disabled}
      // Items may hold commas: only Enter ends one.
      splitChars={[]}
      allowDuplicates
      value={stringsOf(value)}
      onChange={onChange}
      clearable
    />
  );
}
