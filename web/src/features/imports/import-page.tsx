import { Alert, Center, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorPanel } from '../../ui/error-panel';
import { FileDropZone } from './file-drop-zone';
import { ImportPreview } from './import-preview';
import { ImportResultPanel } from './import-result';
import { useImportRun, useRememberRun } from './queries';
import { formatBytes, percentOf, type UploadProgress, uploadImport } from './upload';

interface Upload {
  fileName: string;
  progress: UploadProgress;
  state: 'sending' | 'done' | 'failed';
  error?: string;
}

const ACCEPT = '.csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard';

/** F22: upload a contacts file, check the preview, choose per row, then commit or discard. */
export function ImportPage() {
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const run = useImportRun(runId);
  const remember = useRememberRun();
  const [upload, setUpload] = useState<Upload | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving the page stops an upload nobody will see the preview of.
  useEffect(() => () => abort.current?.abort(), []);

  const start = (file: File) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const total = file.size;
    setUpload({ fileName: file.name, progress: { loaded: 0, total }, state: 'sending' });
    uploadImport(
      file,
      (progress) => setUpload((u) => (u && u.state === 'sending' ? { ...u, progress } : u)),
      controller.signal,
    ).then(
      (result) => {
        remember(result);
        setUpload((u) => u && { ...u, progress: { loaded: total, total }, state: 'done' });
        setParams({ run: result.id });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof ApiError ? error.detail : 'the upload failed';
        setUpload((u) => u && { ...u, state: 'failed', error: message });
      },
    );
  };

  const reset = () => {
    setUpload(null);
    setParams({});
  };

  const sending = upload?.state === 'sending';
  const showPicker = !runId || run.isError;

  return (
    <Stack gap="md" maw={1040}>
      <div>
        <Title order={1} size="h2">
          Import contacts
        </Title>
        <Text size="sm" c="dimmed">
          LinkedIn Connections.csv, a Google or Outlook CSV export, a vCard file, or any spreadsheet saved as
          CSV (you map its columns). Nothing changes until you commit the preview.
        </Text>
      </div>
      {showPicker && (
        <FileDropZone
          accept={ACCEPT}
          label="Choose a file"
          hint="Connections.csv, contacts.csv or .vcf — up to 60 MB"
          disabled={sending}
          onFile={start}
        />
      )}
      {upload && <UploadStatus upload={upload} />}
      {runId &&
        (run.isPending ? (
          <Center py="xl">
            <Loader aria-label="Loading the preview" />
          </Center>
        ) : run.isError ? (
          <ErrorPanel error={run.error} onRetry={() => run.refetch()} />
        ) : run.data.status === 'preview' ? (
          <ImportPreview key={run.data.id} run={run.data} onDiscarded={reset} />
        ) : (
          <ImportResultPanel run={run.data} onAgain={reset} />
        ))}
    </Stack>
  );
}

function UploadStatus({ upload }: { upload: Upload }) {
  const percent = percentOf(upload.progress);
  if (upload.state === 'failed')
    return (
      <Alert color="red" title={`Could not import ${upload.fileName}`} role="alert">
        <span className="tend-wrap">{upload.error}</span>
      </Alert>
    );
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} className="tend-wrap" lineClamp={1}>
          {upload.fileName}
        </Text>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} aria-live="polite">
          {percent} % · {formatBytes(upload.progress.loaded)} of {formatBytes(upload.progress.total)}
        </Text>
      </Group>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          color={upload.state === 'done' ? 'teal' : 'blue'}
          animated={upload.state === 'sending'}
          striped={upload.state === 'sending'}
          aria-label="Upload progress"
        />
      </Progress.Root>
      {upload.state === 'sending' && percent === 100 && (
        <Text size="xs" c="dimmed">
          Reading and matching the rows…
        </Text>
      )}
      {upload.state === 'done' && (
        <Text size="xs" c="dimmed">
          Uploaded and read.
        </Text>
      )}
    </Stack>
  );
}
