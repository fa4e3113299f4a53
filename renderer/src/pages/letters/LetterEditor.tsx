import FormatBoldIcon from '@mui/icons-material/FormatBold';
import FormatItalicIcon from '@mui/icons-material/FormatItalic';
import FormatListBulletedIcon from '@mui/icons-material/FormatListBulleted';
import FormatListNumberedIcon from '@mui/icons-material/FormatListNumbered';
import DataObjectIcon from '@mui/icons-material/DataObject';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ToggleButton from '@mui/material/ToggleButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState, type ReactNode } from 'react';
import type { LetterBody } from '../../../../shared/letters/body';
import {
  PLACEHOLDER_GROUP_LABELS,
  PLACEHOLDERS,
  type PlaceholderGroup,
} from '../../../../shared/letters/placeholders';

interface Props {
  initial: LetterBody;
  onChange: (body: LetterBody) => void;
  error?: string | null;
  labelId: string;
}

/**
 * The letter text editor (TipTap): headings, bold, italic, lists and placeholders from a menu.
 * Only the nodes a letter needs are on (no links, images, code or quotes), so what it saves
 * passes the server's body schema; placeholders are plain `{{key}}` text.
 */
export function LetterEditor({ initial, onChange, error, labelId }: Props) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        link: false,
        underline: false,
      }),
    ],
    content: initial,
    editorProps: {
      attributes: {
        'aria-labelledby': labelId,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'letter-editor',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as LetterBody),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
    }),
  });
  const [menu, setMenu] = useState<HTMLElement | null>(null);

  const tool = (label: string, active: boolean, run: () => void, icon: ReactNode) => (
    <Tooltip title={label}>
      <ToggleButton
        value={label}
        size="small"
        selected={active}
        aria-label={label}
        aria-pressed={active}
        onMouseDown={(event) => event.preventDefault()}
        onClick={run}
      >
        {icon}
      </ToggleButton>
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  const groups = Object.keys(PLACEHOLDER_GROUP_LABELS) as PlaceholderGroup[];

  return (
    <Box
      sx={{
        border: 1,
        borderColor: error ? 'error.main' : 'divider',
        borderRadius: 1,
        '& .letter-editor': {
          minHeight: 320,
          p: 2,
          outline: 'none',
          fontFamily: 'Georgia, serif',
          fontSize: 15,
          '& p': { my: 1 },
        },
        '&:focus-within': { borderColor: 'primary.main' },
      }}
    >
      <Box
        role="toolbar"
        aria-label="Formattazione del testo"
        sx={{
          display: 'flex',
          gap: 0.5,
          alignItems: 'center',
          p: 0.5,
          flexWrap: 'wrap',
          bgcolor: 'action.hover',
        }}
      >
        {tool('Titolo', state.h2, () => chain().toggleHeading({ level: 2 }).run(), <b>T1</b>)}
        {tool('Sottotitolo', state.h3, () => chain().toggleHeading({ level: 3 }).run(), <b>T2</b>)}
        {tool('Grassetto', state.bold, () => chain().toggleBold().run(), <FormatBoldIcon fontSize="small" />)}
        {tool(
          'Corsivo',
          state.italic,
          () => chain().toggleItalic().run(),
          <FormatItalicIcon fontSize="small" />,
        )}
        {tool(
          'Elenco puntato',
          state.bullet,
          () => chain().toggleBulletList().run(),
          <FormatListBulletedIcon fontSize="small" />,
        )}
        {tool(
          'Elenco numerato',
          state.ordered,
          () => chain().toggleOrderedList().run(),
          <FormatListNumberedIcon fontSize="small" />,
        )}
        <Divider orientation="vertical" flexItem sx={{ mx: 0.5 }} />
        <Button
          size="small"
          startIcon={<DataObjectIcon />}
          aria-haspopup="menu"
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => setMenu(event.currentTarget)}
        >
          Inserisci segnaposto
        </Button>
        <Menu
          anchorEl={menu}
          open={menu !== null}
          onClose={() => setMenu(null)}
          slotProps={{ paper: { sx: { maxHeight: 420 } } }}
        >
          {groups.flatMap((group) => [
            <ListSubheader key={group}>{PLACEHOLDER_GROUP_LABELS[group]}</ListSubheader>,
            ...PLACEHOLDERS.filter((p) => p.group === group).map((p) => (
              <MenuItem
                key={p.key}
                onClick={() => {
                  setMenu(null);
                  chain().insertContent(`{{${p.key}}}`).run();
                }}
              >
                {p.label}
              </MenuItem>
            )),
          ])}
        </Menu>
      </Box>
      <EditorContent editor={editor} />
      {error && (
        <Typography role="alert" variant="body2" color="error" sx={{ px: 2, pb: 1 }}>
          {error}
        </Typography>
      )}
    </Box>
  );
}
