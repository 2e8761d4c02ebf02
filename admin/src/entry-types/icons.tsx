/** The few icons the field editor needs, inline: no icon library for four shapes. */
const common = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

export function GripIcon() {
  return (
    <svg {...common} fill="currentColor" stroke="none">
      {[5, 12, 19].flatMap((y) =>
        [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r={1.8} />),
      )}
    </svg>
  );
}

export function UpIcon() {
  return (
    <svg {...common}>
      <path d="M12 19V5M5 12l7-7 7 7" />
    </svg>
  );
}

export function DownIcon() {
  return (
    <svg {...common}>
      <path d="M12 5v14M19 12l-7 7-7-7" />
    </svg>
  );
}

export function RemoveIcon() {
  return (
    <svg {...common}>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
    </svg>
  );
}
