<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CompareCellsView</name>
    <message numerus="yes">
        <source>test accuracy {0} after %n epoch(s) ({1} s)</source>
        <translation>
            <numerusform>test accuracy {0} after %n epoch ({1} s)</numerusform>
            <numerusform>test accuracy {0} after %n epochs ({1} s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExploreController</name>
    <message numerus="yes">
        <source>{0}: one matrix, used at every one of the %n step(s); its gradient is the sum of the steps&apos; contributions</source>
        <translation>
            <numerusform>{0}: one matrix, used at the %n step; its gradient is that step&apos;s contribution</numerusform>
            <numerusform>{0}: one matrix, used at every one of the %n steps; its gradient is the sum of the steps&apos; contributions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Traced as the model was trained: %n &lt;pad&gt; token(s) in front (&apos;pre&apos; padding to T = {0}); playback starts at the first word, t = {1}. Untick Padding to trace the words alone</source>
        <translation>
            <numerusform>Traced as the model was trained: %n &lt;pad&gt; token in front (&apos;pre&apos; padding to T = {0}); playback starts at the first word, t = {1}. Untick Padding to trace the words alone</numerusform>
            <numerusform>Traced as the model was trained: %n &lt;pad&gt; tokens in front (&apos;pre&apos; padding to T = {0}); playback starts at the first word, t = {1}. Untick Padding to trace the words alone</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message numerus="yes">
        <source>Finished after %n epoch(s) in {0}: {1}.</source>
        <translation>
            <numerusform>Finished after %n epoch in {0}: {1}.</numerusform>
            <numerusform>Finished after %n epochs in {0}: {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epoch(s) in {0}: {1}.</source>
        <translation>
            <numerusform>Stopped after %n epoch in {0}: {1}.</numerusform>
            <numerusform>Stopped after %n epochs in {0}: {1}.</numerusform>
        </translation>
    </message>
</context>
</TS>
