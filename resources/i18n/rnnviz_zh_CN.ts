<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>See how a vanilla recurrent network computes and learns: the unrolled graph, the forward pass and backpropagation through time step by step with the real numbers, and vanishing and exploding gradients.</source>
        <translation>看一个最基本的循环神经网络如何计算和学习：展开的计算图、前向传播和时间反向传播，每一步都用真实的数字展示，还有梯度消失与梯度爆炸。</translation>
    </message>
    <message>
        <source>Free software under the MIT License.</source>
        <translation>在 MIT 许可证下发布的自由软件。</translation>
    </message>
    <message>
        <source>About rnnviz</source>
        <translation>关于 rnnviz</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a model saved by rnnviz (.npz)</source>
        <translation>打开 rnnviz 保存的模型（.npz）</translation>
    </message>
    <message>
        <source>&amp;Save model as…</source>
        <translation>模型另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the model shown (its own weights; the W scale is not applied)</source>
        <translation>保存当前显示的模型（它自己的权重；不应用 W 缩放）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close rnnviz</source>
        <translation>关闭 rnnviz</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Play or pause the forward and backward animation</source>
        <translation>播放或暂停前向与反向动画</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Next elementary step</source>
        <translation>下一个基本步骤</translation>
    </message>
    <message>
        <source>P&amp;revious step</source>
        <translation>上一步(&amp;R)</translation>
    </message>
    <message>
        <source>Previous elementary step</source>
        <translation>上一个基本步骤</translation>
    </message>
    <message>
        <source>&amp;First step</source>
        <translation>第一步(&amp;F)</translation>
    </message>
    <message>
        <source>Jump to the first step</source>
        <translation>跳到第一步</translation>
    </message>
    <message>
        <source>&amp;Last step</source>
        <translation>最后一步(&amp;L)</translation>
    </message>
    <message>
        <source>Jump to the last step</source>
        <translation>跳到最后一步</translation>
    </message>
    <message>
        <source>R&amp;estart</source>
        <translation>重新开始(&amp;E)</translation>
    </message>
    <message>
        <source>Play again from the first step</source>
        <translation>从第一步重新播放</translation>
    </message>
    <message>
        <source>&amp;Folded view</source>
        <translation>折叠视图(&amp;F)</translation>
    </message>
    <message>
        <source>Switch between the unrolled graph and the folded loop</source>
        <translation>在展开的计算图和折叠的回路之间切换</translation>
    </message>
    <message>
        <source>Fi&amp;t to window</source>
        <translation>适应窗口(&amp;T)</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view</source>
        <translation>让整个计算图适应视图</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom into the graph</source>
        <translation>放大计算图</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out of the graph</source>
        <translation>缩小计算图</translation>
    </message>
    <message>
        <source>&amp;Edit input</source>
        <translation>编辑输入(&amp;E)</translation>
    </message>
    <message>
        <source>Put the cursor in the input sentence</source>
        <translation>把光标放到输入句子中</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open the help</source>
        <translation>打开帮助</translation>
    </message>
    <message>
        <source>&amp;About rnnviz</source>
        <translation>关于 rnnviz(&amp;A)</translation>
    </message>
    <message>
        <source>What rnnviz is</source>
        <translation>rnnviz 是什么</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
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
        <translation>rnnviz 安装不完整</translation>
    </message>
</context>
<context>
    <name>CompareBox</name>
    <message>
        <source>Ordinary network vs RNN: P(positive)</source>
        <translation>普通神经网络与 RNN 对比：P(正面)</translation>
    </message>
    <message>
        <source>as written</source>
        <translation>原顺序</translation>
    </message>
    <message>
        <source>shuffled</source>
        <translation>打乱后</translation>
    </message>
    <message>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <source>ordinary network</source>
        <translation>普通神经网络</translation>
    </message>
    <message>
        <source>Shuffle words</source>
        <translation>打乱词序</translation>
    </message>
    <message>
        <source>press Shuffle words</source>
        <translation>请按“打乱词序”</translation>
    </message>
    <message>
        <source>Predict first: which of the two will change?</source>
        <translation>先预测：两者中哪一个会变？</translation>
    </message>
    <message>
        <source>exactly equal, every digit</source>
        <translation>完全相等，每一位都相同</translation>
    </message>
    <message>
        <source>{0} shuffled</source>
        <translation>打乱后为 {0}</translation>
    </message>
    <message>
        <source>Ordinary network: o = {0}, {1}. RNN: {2} → {3}.</source>
        <translation>普通神经网络：o = {0}，{1}。RNN：{2} → {3}。</translation>
    </message>
</context>
<context>
    <name>Demos</name>
    <message>
        <source>the demo must be one of {0}, got {1}</source>
        <translation>演示必须是 {0} 之一，实际为 {1}</translation>
    </message>
    <message>
        <source>this model&apos;s W has spectral radius 0, so scaling it cannot show the demo</source>
        <translation>这个模型的 W 谱半径为 0，缩放它无法展示该演示</translation>
    </message>
</context>
<context>
    <name>ExerciseBox</name>
    <message>
        <source>Exercise</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>your answer, 4 significant digits</source>
        <translation>你的答案，保留 4 位有效数字</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <source>Show the number (and uncover the BPTT panel)</source>
        <translation>显示这个数（并揭开 BPTT 面板）</translation>
    </message>
    <message>
        <source>Exercises solved in this lesson: {0} of {1} tried</source>
        <translation>本课程的练习：尝试 {1} 道，答对 {0} 道</translation>
    </message>
    <message>
        <source>The answer: {0} ({1}).</source>
        <translation>答案：{0}（{1}）。</translation>
    </message>
</context>
<context>
    <name>Exercises</name>
    <message>
        <source>Type a number such as {0}, not {1}.</source>
        <translation>请输入一个数，例如 {0}，而不是 {1}。</translation>
    </message>
    <message>
        <source>Type a finite number.</source>
        <translation>请输入一个有限的数。</translation>
    </message>
    <message>
        <source>Right: {0}.</source>
        <translation>正确：{0}。</translation>
    </message>
    <message>
        <source>Not quite. Recompute with the inputs shown, keeping 4 significant digits: {0}.</source>
        <translation>不太对。请用给出的输入重新计算，保留 4 位有效数字：{0}。</translation>
    </message>
    <message>
        <source>exercises follow the many-to-one (sentiment) model</source>
        <translation>练习只适用于多对一（情感）模型</translation>
    </message>
    <message>
        <source>t must be between 1 and {0}, got {1}</source>
        <translation>t 必须在 1 到 {0} 之间，实际为 {1}</translation>
    </message>
    <message>
        <source>entry i must be between 0 and {0}, got {1}</source>
        <translation>分量 i 必须在 0 到 {0} 之间，实际为 {1}</translation>
    </message>
    <message>
        <source>the identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <source>You left out {0}, the memory term: {1}.</source>
        <translation>你漏掉了记忆项 {0}：{1}。</translation>
    </message>
    <message>
        <source>Add the bias {0}.</source>
        <translation>加上偏置 {0}。</translation>
    </message>
    <message>
        <source>Use row {0} of W ({1}), not its column ({2}).</source>
        <translation>用 W 的第 {0} 行（{1}），而不是它的列（{2}）。</translation>
    </message>
    <message>
        <source>Compute {0}.</source>
        <translation>计算 {0}。</translation>
    </message>
    <message>
        <source>That is {0}; apply f = {1} to it.</source>
        <translation>那是 {0}；还要对它应用 f = {1}。</translation>
    </message>
    <message>
        <source>That is the sigmoid; the hidden layer&apos;s f is {0}.</source>
        <translation>那是 sigmoid；隐藏层的 f 是 {0}。</translation>
    </message>
    <message>
        <source>Check the sign: tanh keeps the sign of a_t.</source>
        <translation>检查符号：tanh 保持 a_t 的符号。</translation>
    </message>
    <message>
        <source>Add the output bias c.</source>
        <translation>加上输出偏置 c。</translation>
    </message>
    <message>
        <source>That is {0} = y_hat; {1} is the value before it.</source>
        <translation>那是 {0} = y_hat；{1} 是它之前的值。</translation>
    </message>
    <message>
        <source>{0} reads {1}, this step&apos;s state, not {2}.</source>
        <translation>{0} 读取的是本步的状态 {1}，而不是 {2}。</translation>
    </message>
    <message>
        <source>only o_T feeds the loss</source>
        <translation>只有 o_T 进入损失</translation>
    </message>
    <message>
        <source>Only o_T feeds the loss of a many-to-one model: {0} = 0.</source>
        <translation>多对一模型中只有 o_T 进入损失：{0} = 0。</translation>
    </message>
    <message>
        <source>Check the sign: dL/do_T = y_hat - y.</source>
        <translation>检查符号：dL/do_T = y_hat - y。</translation>
    </message>
    <message>
        <source>Subtract the label y.</source>
        <translation>减去标签 y。</translation>
    </message>
    <message>
        <source>No extra sigmoid&apos;(o_T): with the cross-entropy it cancels, dL/do_T = y_hat - y.</source>
        <translation>不要再乘 sigmoid&apos;(o_T)：与交叉熵合在一起它被约掉了，dL/do_T = y_hat - y。</translation>
    </message>
    <message>
        <source>You missed the term {0}: {1} also feeds {2}.</source>
        <translation>你漏掉了 {0} 这一项：{1} 也输入到 {2}。</translation>
    </message>
    <message>
        <source>Use column {0} of W (that is W^T), not its row.</source>
        <translation>用 W 的第 {0} 列（即 W^T），而不是它的行。</translation>
    </message>
    <message>
        <source>Multiply W^T by {0}, not {1}: {2} comes first.</source>
        <translation>W^T 要乘 {0}，而不是 {1}：先要乘上 {2}。</translation>
    </message>
    <message>
        <source>At t = T the output {0} reads {1}: add {2}.</source>
        <translation>在 t = T 时输出 {0} 读取 {1}：加上 {2}。</translation>
    </message>
    <message>
        <source>Check the sign of each term.</source>
        <translation>检查每一项的符号。</translation>
    </message>
    <message>
        <source>{0} (entry {1})</source>
        <translation>{0}（第 {1} 个分量）</translation>
    </message>
    <message>
        <source>You forgot {0}: {1}.</source>
        <translation>你忘了 {0}：{1}。</translation>
    </message>
    <message>
        <source>Check the sign: f&apos;(a) = 1 - s^2 is never negative.</source>
        <translation>检查符号：f&apos;(a) = 1 - s^2 从不为负。</translation>
    </message>
    <message>
        <source>{0} (the state squared), not {1}.</source>
        <translation>{0}（状态的平方），而不是 {1}。</translation>
    </message>
    <message>
        <source>{0}: square {1}.</source>
        <translation>{0}：要对 {1} 取平方。</translation>
    </message>
    <message>
        <source>{0}, with {1}</source>
        <translation>{0}，其中 {1}</translation>
    </message>
    <message>
        <source>Use {0} (the state W multiplied), not {1}.</source>
        <translation>用 {0}（W 所乘的状态），而不是 {1}。</translation>
    </message>
    <message>
        <source>Row i is {0}, column j is {1}: you swapped them.</source>
        <translation>第 i 行对应 {0}，第 j 列对应 {1}：你把它们弄反了。</translation>
    </message>
    <message>
        <source>Use {0}, not {1}.</source>
        <translation>用 {0}，而不是 {1}。</translation>
    </message>
    <message>
        <source>That is the running sum over t&apos; &gt;= {0}; give step {0}&apos;s share only.</source>
        <translation>那是对 t&apos; &gt;= {0} 的累计和；只给出第 {0} 步的那一份。</translation>
    </message>
    <message>
        <source>Compute step {0}&apos;s contribution to {1}.</source>
        <translation>计算第 {0} 步对 {1} 的贡献。</translation>
    </message>
    <message>
        <source>Check the sign.</source>
        <translation>检查符号。</translation>
    </message>
</context>
<context>
    <name>ExploreController</name>
    <message>
        <source>The vanishing demo set the label to y = {0}, the one the model gets wrong here: with a saturated ŷ = y the loss sends back no gradient at all</source>
        <translation>梯度消失演示把标签设为 y = {0}，即模型在这里判断错的那个：如果饱和的 ŷ 等于 y，损失就完全不会传回梯度</translation>
    </message>
    <message>
        <source>The exploding demo set the label to y = {0}, the one the model gets wrong here: with a saturated ŷ = y the loss sends back no gradient at all</source>
        <translation>梯度爆炸演示把标签设为 y = {0}，即模型在这里判断错的那个：如果饱和的 ŷ 等于 y，损失就完全不会传回梯度</translation>
    </message>
    <message numerus="yes">
        <source>{0}: one matrix, used at every one of the %n step(s); its gradient is the sum of the steps&apos; contributions</source>
        <translation>
            <numerusform>{0}：同一个矩阵，在全部 %n 个时间步中都被使用；它的梯度是各时间步贡献之和</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot trace this input: {0}</source>
        <translation>无法计算这个输入：{0}</translation>
    </message>
    <message numerus="yes">
        <source>Traced as the model was trained: %n &lt;pad&gt; token(s) in front (&apos;pre&apos; padding to T = {0}); untick Padding to trace the words alone</source>
        <translation>
            <numerusform>按模型训练时的方式计算：前面加了 %n 个 &lt;pad&gt; 词元（&apos;pre&apos; 填充到 T = {0}）；取消勾选“填充”即可只计算这些词</numerusform>
        </translation>
    </message>
    <message>
        <source>The input was cut to its last {0} tokens ({1} dropped from the front, as Keras truncates)</source>
        <translation>输入被截为最后 {0} 个词元（从前面丢弃了 {1} 个，与 Keras 的截断方式相同）</translation>
    </message>
</context>
<context>
    <name>ExplorePage</name>
    <message>
        <source>The unrolled RNN: one column per time step. Hover U, W or V to see every edge that shares it; click a node to jump to its step; wheel to zoom, drag to pan</source>
        <translation>展开的 RNN：每个时间步一列。把鼠标悬停在 U、W 或 V 上，可看到共享它的每一条边；点击节点跳到它的步骤；滚轮缩放，拖动平移</translation>
    </message>
    <message>
        <source>The unrolled graph appears when the kernels are ready…</source>
        <translation>内核就绪后将显示展开的计算图…</translation>
    </message>
    <message>
        <source>Vanishing and exploding gradients</source>
        <translation>梯度消失与梯度爆炸</translation>
    </message>
    <message>
        <source>Change W, the activation, the length and clipping; everything redraws at once</source>
        <translation>改变 W、激活函数、长度和裁剪；所有内容立即重绘</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The model on this page: a built-in task and its hidden size, or the model you opened or trained</source>
        <translation>本页的模型：一个内置任务及其隐藏层大小，或你打开或训练的模型</translation>
    </message>
</context>
<context>
    <name>Follow</name>
    <message>
        <source>forward t = {0}</source>
        <translation>前向 t = {0}</translation>
    </message>
    <message>
        <source>backward t = {0}</source>
        <translation>反向 t = {0}</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <source>The true label y used for the loss L and so for every gradient</source>
        <translation>用于损失 L、因而也用于每个梯度的真实标签 y</translation>
    </message>
    <message>
        <source>Not used by the next-word head: its targets are the input&apos;s own next words</source>
        <translation>下一个词输出层不使用它：它的目标就是输入中各自的下一个词</translation>
    </message>
    <message>
        <source>Predicted next word at each step:</source>
        <translation>每一步预测的下一个词：</translation>
    </message>
    <message>
        <source>off: gradients are used as they are</source>
        <translation>关闭：梯度按原样使用</translation>
    </message>
    <message>
        <source>‖g‖ = {0}: overflowed, clipping cannot help</source>
        <translation>‖g‖ = {0}：已溢出，裁剪也无济于事</translation>
    </message>
    <message>
        <source>‖g‖ = {0} → scaled by {1}</source>
        <translation>‖g‖ = {0} → 乘以 {1}</translation>
    </message>
    <message>
        <source>‖g‖ = {0} ≤ threshold: unchanged</source>
        <translation>‖g‖ = {0} ≤ 阈值：不变</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>The forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Backpropagation through time</source>
        <translation>时间反向传播</translation>
    </message>
    <message>
        <source>Vanishing and exploding gradients</source>
        <translation>梯度消失与梯度爆炸</translation>
    </message>
    <message>
        <source>Your own input</source>
        <translation>你自己的输入</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>rnnviz help</source>
        <translation>rnnviz 帮助</translation>
    </message>
    <message>
        <source>This help page is missing.</source>
        <translation>缺少这个帮助页面。</translation>
    </message>
</context>
<context>
    <name>InputBar</name>
    <message>
        <source>The model&apos;s prediction y-hat = sigmoid(o_T), the label y, and the loss L</source>
        <translation>模型的预测 y-hat = sigmoid(o_T)、标签 y 和损失 L</translation>
    </message>
    <message>
        <source>Type or paste a sentence, then press Enter</source>
        <translation>输入或粘贴一个句子，然后按 Enter</translation>
    </message>
    <message>
        <source>Any sentence: it is split into words with the model&apos;s tokeniser; words the vocabulary does not know become &lt;oov&gt;. Enter applies it.</source>
        <translation>任意句子：用模型的分词器切分成词；词表里没有的词变为 &lt;oov&gt;。按 Enter 应用。</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Pick an example sentence (with its label)</source>
        <translation>选择一个示例句子（带标签）</translation>
    </message>
    <message>
        <source>negative (y = 0)</source>
        <translation>负面（y = 0）</translation>
    </message>
    <message>
        <source>positive (y = 1)</source>
        <translation>正面（y = 1）</translation>
    </message>
    <message>
        <source>The true label y used for the loss L and so for every gradient</source>
        <translation>用于损失 L、因而也用于每个梯度的真实标签 y</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Trace the sentence: rebuild the graph, the plots and the numbers (Enter)</source>
        <translation>计算这个句子：重建计算图、曲线图和数字（Enter）</translation>
    </message>
    <message>
        <source>How a sentence becomes the inputs x_t</source>
        <translation>一个句子如何变成输入 x_t</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>No example sentence uses only this model&apos;s words</source>
        <translation>没有只由这个模型认识的词组成的示例句子</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>{0} cancelled.</source>
        <translation>{0}已取消。</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0}失败：{1}</translation>
    </message>
    <message>
        <source>{0} failed: not enough memory. Use a smaller batch size, maxlen, vocabulary or hidden size, or close other programs.</source>
        <translation>{0}失败：内存不足。请使用更小的批大小、maxlen、词表或隐藏层大小，或关闭其他程序。</translation>
    </message>
    <message>
        <source>{0} failed: {1}. Check that the file exists, the disk is not full, and you may write there.</source>
        <translation>{0}失败：{1}。请检查文件是否存在、磁盘是否已满，以及你是否有写入权限。</translation>
    </message>
    <message>
        <source>{0} failed with an unexpected error: {1}. The previous model is kept; please report this.</source>
        <translation>{0}失败，出现意外错误：{1}。之前的模型已保留；请报告这个问题。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System ({0})</source>
        <translation>跟随系统（{0}）</translation>
    </message>
    <message>
        <source>Applies when rnnviz starts again</source>
        <translation>下次启动 rnnviz 时生效</translation>
    </message>
    <message>
        <source>The window will be in {0} when rnnviz starts again.</source>
        <translation>下次启动 rnnviz 时，界面语言将是{0}。</translation>
    </message>
</context>
<context>
    <name>LearnDock</name>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>&amp;Learn panel</source>
        <translation>学习面板(&amp;L)</translation>
    </message>
    <message>
        <source>The lessons open when the model is ready…</source>
        <translation>模型就绪后将打开课程…</translation>
    </message>
    <message>
        <source>The BPTT panel is covered while you compute the number in the Learn panel.
Check your answer, or press Show answer, to uncover it.</source>
        <translation>你在学习面板中计算这个数时，BPTT 面板会被遮住。
检查你的答案，或按“显示答案”，即可揭开。</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <source>the unrolled graph</source>
        <translation>展开的计算图</translation>
    </message>
    <message>
        <source>the BPTT by hand panel</source>
        <translation>手算 BPTT 面板</translation>
    </message>
    <message>
        <source>the gradient plots</source>
        <translation>梯度曲线图</translation>
    </message>
    <message>
        <source>the vanishing and exploding controls</source>
        <translation>梯度消失与爆炸的控件</translation>
    </message>
    <message>
        <source>the input box</source>
        <translation>输入框</translation>
    </message>
    <message>
        <source>the Model box</source>
        <translation>“模型”框</translation>
    </message>
    <message>
        <source>this panel</source>
        <translation>本面板</translation>
    </message>
    <message>
        <source>the Train page</source>
        <translation>“训练”页</translation>
    </message>
    <message>
        <source>The ordinary network failed: {0}</source>
        <translation>普通神经网络出错：{0}</translation>
    </message>
    <message>
        <source>Exercise at the current step</source>
        <translation>当前步骤的练习</translation>
    </message>
    <message>
        <source>Hide one number that the window&apos;s current BPTT step computes, and compute it yourself</source>
        <translation>隐藏窗口当前 BPTT 步骤计算的一个数，由你自己来算</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Restart step</source>
        <translation>重做本步</translation>
    </message>
    <message>
        <source>Set the window back to this step&apos;s sentence and controls</source>
        <translation>把窗口恢复为本步的句子和控件设置</translation>
    </message>
    <message>
        <source>({0}/{1} exercises)</source>
        <translation>（{0}/{1} 道练习）</translation>
    </message>
    <message>
        <source>Step {0} of {1}: {2}</source>
        <translation>第 {0} 步，共 {1} 步：{2}</translation>
    </message>
    <message>
        <source>Your turn:</source>
        <translation>你来试试：</translation>
    </message>
    <message>
        <source>Look at: {0}</source>
        <translation>请看：{0}</translation>
    </message>
    <message>
        <source>This step could not be shown: {0}</source>
        <translation>无法显示这一步：{0}</translation>
    </message>
    <message>
        <source>Next lesson ▶</source>
        <translation>下一个课程 ▶</translation>
    </message>
    <message>
        <source>Training the ordinary network on the built-in task (first time only)…</source>
        <translation>正在用内置任务训练普通神经网络（仅第一次）…</translation>
    </message>
    <message>
        <source>Cannot compare this input: {0}</source>
        <translation>无法比较这个输入：{0}</translation>
    </message>
    <message>
        <source>No exercise for this model or step: {0}</source>
        <translation>这个模型或步骤没有练习：{0}</translation>
    </message>
    <message>
        <source>This step&apos;s exercise does not fit the window&apos;s state now ({0}); press Restart step.</source>
        <translation>本步的练习与窗口当前的状态不符（{0}）；请按“重做本步”。</translation>
    </message>
</context>
<context>
    <name>LessonProgress</name>
    <message>
        <source>Lesson progress cannot be saved ({0}); it is kept until you close rnnviz.</source>
        <translation>无法保存课程进度（{0}）；在你关闭 rnnviz 之前会一直保留。</translation>
    </message>
    <message>
        <source>Lesson progress could not be read ({0}); starting fresh.</source>
        <translation>无法读取课程进度（{0}）；将重新开始。</translation>
    </message>
    <message>
        <source>Lesson progress was unreadable ({0}); kept aside as {1}, starting fresh.</source>
        <translation>课程进度无法读取（{0}）；已另存为 {1}，将重新开始。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>this model&apos;s W has spectral radius 0; it cannot be scaled to a target</source>
        <translation>这个模型的 W 谱半径为 0；无法缩放到目标值</translation>
    </message>
    <message>
        <source>the trace has no {0} step at t = {1} (T = {2})</source>
        <translation>计算记录中没有 t = {1} 处的 {0} 步骤（T = {2}）</translation>
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
        <translation>展开的 RNN 在一个输入上的前向与反向计算，一步一步地展示</translation>
    </message>
    <message>
        <source>The model shown</source>
        <translation>当前显示的模型</translation>
    </message>
    <message>
        <source>Compiling the numba kernels in the background (a first start takes a while; later starts load them from the cache)…</source>
        <translation>正在后台编译 numba 内核（第一次启动需要一些时间；以后的启动会从缓存加载）…</translation>
    </message>
    <message>
        <source>Compiling kernels…</source>
        <translation>正在编译内核…</translation>
    </message>
    <message>
        <source>Ready: {0}. {1} Press Space to play, Right/Left to step.</source>
        <translation>就绪：{0}。{1} 按空格键播放，按 →/← 单步。</translation>
    </message>
    <message>
        <source>The RNN core could not start, so nothing can be traced.</source>
        <translation>RNN 核心无法启动，因此无法进行任何计算。</translation>
    </message>
    <message>
        <source>The RNN core failed to start</source>
        <translation>RNN 核心启动失败</translation>
    </message>
    <message>
        <source>rnnviz could not start its RNN core</source>
        <translation>rnnviz 无法启动它的 RNN 核心</translation>
    </message>
    <message>
        <source>{0}

Check that numba, numpy and scipy are installed (pip install -e . in the rnnviz folder) and start rnnviz again.</source>
        <translation>{0}

请检查 numba、numpy 和 scipy 是否已安装（在 rnnviz 文件夹中运行 pip install -e .），然后重新启动 rnnviz。</translation>
    </message>
    <message>
        <source>Trainer panel unavailable: {0}</source>
        <translation>训练面板不可用：{0}</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train a model and watch it learn; pause or stop to explore the trained model</source>
        <translation>训练一个模型并观察它学习；暂停或停止后即可探索训练好的模型</translation>
    </message>
    <message>
        <source>Trainer: {0}</source>
        <translation>训练器：{0}</translation>
    </message>
    <message>
        <source>Waiting for the background job to finish…</source>
        <translation>正在等待后台任务结束…</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>Building the built-in model: {0}, H = {1} (trained once, then cached)…</source>
        <translation>正在构建内置模型：{0}，H = {1}（只训练一次，之后使用缓存）…</translation>
    </message>
    <message>
        <source>Showing the {0}, H = {1}</source>
        <translation>正在显示{0}，H = {1}</translation>
    </message>
    <message>
        <source>Could not build the built-in model</source>
        <translation>无法构建内置模型</translation>
    </message>
    <message>
        <source>model trained in this window</source>
        <translation>在本窗口中训练的模型</translation>
    </message>
    <message>
        <source>The Explore page now shows the model trained in this window</source>
        <translation>“探索”页现在显示在本窗口中训练的模型</translation>
    </message>
    <message>
        <source>Wait until the kernels are ready, then open the model again</source>
        <translation>请等内核就绪后再打开模型</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <source>rnnviz models (*.npz);;All files (*)</source>
        <translation>rnnviz 模型 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <source>{0}

Choose a model saved by rnnviz (File &gt; Save model as, or the trainer), or train a new one.</source>
        <translation>{0}

请选择由 rnnviz 保存的模型（文件 &gt; 模型另存为，或由训练器保存），或训练一个新模型。</translation>
    </message>
    <message>
        <source>Could not read {0}: {1}.</source>
        <translation>无法读取 {0}：{1}。</translation>
    </message>
    <message>
        <source>Could not save to {0}: {1}.

Nothing was written. Choose another folder or free some disk space.</source>
        <translation>无法保存到 {0}：{1}。

没有写入任何内容。请选择其他文件夹或释放一些磁盘空间。</translation>
    </message>
    <message>
        <source>This model cannot be saved: {0}.

Nothing was written.</source>
        <translation>这个模型无法保存：{0}。

没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ModelJob</name>
    <message>
        <source>Building the built-in model</source>
        <translation>构建内置模型</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>Restart: play the forward and backward pass from the first step</source>
        <translation>重新开始：从第一步起播放前向传播和反向传播</translation>
    </message>
    <message>
        <source>Previous step (Left arrow)</source>
        <translation>上一步（左方向键）</translation>
    </message>
    <message>
        <source>Play or pause the animation (Space)</source>
        <translation>播放或暂停动画（空格键）</translation>
    </message>
    <message>
        <source>Next step (Right arrow)</source>
        <translation>下一步（右方向键）</translation>
    </message>
    <message>
        <source>Every elementary step: forward t = 1..T, the loss, backward t = T..1. Drag to jump to any step (Home/End: first/last)</source>
        <translation>每一个基本步骤：前向 t = 1..T、损失、反向 t = T..1。拖动可跳到任意一步（Home/End：第一步/最后一步）</translation>
    </message>
    <message>
        <source>no trace yet</source>
        <translation>尚无计算结果</translation>
    </message>
    <message>
        <source>The step shown in the graph and in the BPTT-by-hand panel</source>
        <translation>计算图和手算 BPTT 面板中显示的步骤</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <source>Animation speed in elementary steps per second</source>
        <translation>动画速度：每秒播放的基本步骤数</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>the label must be 0 (negative) or 1 (positive), got {0}</source>
        <translation>标签必须是 0（负面）或 1（正面），实际为 {0}</translation>
    </message>
    <message>
        <source>activation must be one of {0}, got {1}</source>
        <translation>激活函数必须是 {0} 之一，实际为 {1}</translation>
    </message>
    <message>
        <source>the W scale must be a finite number &gt;= 0, got {0}</source>
        <translation>W 缩放必须是 &gt;= 0 的有限数，实际为 {0}</translation>
    </message>
    <message>
        <source>the sequence length must be between 1 and {0}, got {1}</source>
        <translation>序列长度必须在 1 到 {0} 之间，实际为 {1}</translation>
    </message>
    <message>
        <source>the clipping threshold must be &gt; 0, got {0}</source>
        <translation>裁剪阈值必须 &gt; 0，实际为 {0}</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>pencil model (H = 2, E = 2)</source>
        <translation>纸笔模型（H = 2，E = 2）</translation>
    </message>
    <message>
        <source>{0} holds the ordinary (bag) network; Explore steps through RNNs</source>
        <translation>{0} 保存的是普通神经网络（词嵌入平均模型）；“探索”页逐步展示的是 RNN</translation>
    </message>
    <message>
        <source>Sentiment (many-to-one)</source>
        <translation>情感分类（多对一）</translation>
    </message>
    <message>
        <source>Next word (many-to-many)</source>
        <translation>下一个词（多对多）</translation>
    </message>
    <message>
        <source>built-in next-word model (negation task)</source>
        <translation>内置下一个词模型（否定任务）</translation>
    </message>
    <message>
        <source>built-in model (negation task)</source>
        <translation>内置模型（否定任务）</translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation>无法加载 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>StartupJob</name>
    <message>
        <source>Kernels ready. Loading the model…</source>
        <translation>内核已就绪。正在加载模型…</translation>
    </message>
    <message>
        <source>Starting the RNN core</source>
        <translation>启动 RNN 核心</translation>
    </message>
</context>
</TS>
