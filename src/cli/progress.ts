/**
 * Progress of a long build: on a terminal one line that updates in place
 * (stage, done of total, time so far); elsewhere (CI logs) one plain line per
 * stage when it ends.
 */
export interface Progress {
  stage(name: string, total?: number): void;
  tick(count?: number): void;
  done(): void;
}


export interface StageTime {
  name: string;
  seconds: number;
}

/** Progress on the console that also remembers how long each finished stage took (for npm run bench). */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): Progress & { stages(): StageTime[] } {
  const started = Date.now();
  const tty = stream.isTTY === true;
  let name = '';
  let total: number | undefined;
  let count = 0;
  let stageStarted = started;
  let lastDraw = 0;
  const finished: StageTime[] = [];
  const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
  const draw = () => {
    const of = total === undefined ? `${count}` : `${count}/${total}`;
    stream.write(`\r\u001b[2K${name} ${of} · ${seconds(started)} s`);
  };
  const finish = () => {
    if (!name) return;
    const counted = total === undefined && count === 0 ? '' : ` ${count}${total === undefined ? '' : `/${total}`}`;
    finished.push({ name, seconds: Number(seconds(stageStarted)) });
    const line = `stage ${name}${counted} in ${seconds(stageStarted)} s (${seconds(started)} s in all)`;
    stream.write(tty ? `\r\u001b[2K${line}\n` : `${line}\n`);
    name = '';
  };
  return {
    stage(next, nextTotal) {
      finish();
      name = next;
      total = nextTotal;
      count = 0;
      stageStarted = Date.now();
      if (tty) draw();
    },
    tick(step = 1) {
      count += step;
      if (tty && Date.now() - lastDraw > 100) {
        lastDraw = Date.now();
        draw();
      }
    },
    done: finish,
    stages: () => [...finished],
  };
}
