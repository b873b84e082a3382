<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>See how a vanilla recurrent network computes and learns: the unrolled graph, the forward pass and backpropagation through time step by step with the real numbers, and vanishing and exploding gradients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free software under the MIT License.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About rnnviz</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model saved by rnnviz (.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save model as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the model shown (its own weights; the W scale is not applied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close rnnviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the forward and backward animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next elementary step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;revious step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous elementary step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the first step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;estart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play again from the first step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folded view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch between the unrolled graph and the folded loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;t to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole graph into the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom into the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out of the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the cursor in the input sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About rnnviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What rnnviz is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>rnnviz is not installed completely</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareBox</name>
    <message>
        <source>Ordinary network vs RNN: P(positive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shuffled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RNN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordinary network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>press Shuffle words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict first: which of the two will change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exactly equal, every digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} shuffled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordinary network: o = {0}, {1}. RNN: {2} → {3}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseBox</name>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your answer, 4 significant digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the number (and uncover the BPTT panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises solved in this lesson: {0} of {1} tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer: {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>The forward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backpropagation through time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vanishing and exploding gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rnnviz help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This help page is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies when rnnviz starts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window will be in {0} when rnnviz starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnDock</name>
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learn panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lessons open when the model is ready…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <source>The ordinary network failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise at the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide one number that the window&apos;s current BPTT step computes, and compute it yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the window back to this step&apos;s sentence and controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} of {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your turn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step could not be shown: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next lesson ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the ordinary network on the built-in task (first time only)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compare this input: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exercise for this model or step: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step&apos;s exercise does not fit the window&apos;s state now ({0}); press Restart step.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <source>The unrolled RNN on one input, forward and backward, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiling the numba kernels in the background (a first start takes a while; later starts load them from the cache)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiling kernels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: {0}. {1} Press Space to play, Right/Left to step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RNN core could not start, so nothing can be traced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RNN core failed to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rnnviz could not start its RNN core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Check that numba, numpy and scipy are installed (pip install -e . in the rnnviz folder) and start rnnviz again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer panel unavailable: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model and watch it learn; pause or stop to explore the trained model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the background job to finish…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
