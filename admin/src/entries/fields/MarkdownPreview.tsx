import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/**
 * A LONGTEXT field's markdown as a reader will see it. Its own chunk, loaded
 * when a preview is first opened. Raw HTML stays text (react-markdown's
 * default); images show their description, since the admin's CSP loads none
 * from other sites.
 */
export default function MarkdownPreview({ source }: { source: string }) {
  return (
    <Typography>
      <Markdown
        components={{
          img: ({ alt, src }) => (
            <span>
              [image{alt ? `: ${alt}` : ''}
              {typeof src === 'string' && src ? ` (${src})` : ''}]
            </span>
          ),
        }}
      >
        {source}
      </Markdown>
    </Typography>
  );
}
