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
        <source>&amp;Compare cells (RNN, LSTM, GRU)…</source>
        <translation>比较单元(&amp;C)（RNN、LSTM、GRU）…</translation>
    </message>
    <message>
        <source>One sentence through an RNN, an LSTM and a GRU: their gradients through time on one plot</source>
        <translation>同一个句子分别经过 RNN、LSTM 和 GRU：它们随时间的梯度画在同一张图上</translation>
    </message>
    <message>
        <source>O&amp;rdinary network beside the RNN</source>
        <translation>在 RNN 旁显示普通神经网络(&amp;R)</translation>
    </message>
    <message>
        <source>Show the ordinary network (a bag of embeddings) on the same sentence under the graph, with Shuffle words</source>
        <translation>在计算图下方显示同一句子上的普通神经网络（词嵌入平均模型），并可打乱词序</translation>
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
    <name>BagGraph</name>
    <message>
        <source>{0} × &lt;pad&gt; in front (&apos;pre&apos; padding): the ordinary network leaves padding out of the mean, as Keras&apos; masking does</source>
        <translation>前面有 {0} 个 &lt;pad&gt;（“pre”填充）：普通神经网络求平均时不计填充，与 Keras 的掩码一样</translation>
    </message>
    <message>
        <source>not in the mean</source>
        <translation>不计入平均</translation>
    </message>
    <message>
        <source>x̄: the mean of the n = {0} word vectors (padding left out)</source>
        <translation>x̄：n = {0} 个词向量的平均（不计填充）</translation>
    </message>
    <message>
        <source>{0} = E[“{1}”], the word&apos;s embedding</source>
        <translation>{0} = E[“{1}”]，这个词的词嵌入</translation>
    </message>
    <message>
        <source>{0} → x̄: added with weight 1/n = 1/{1}, whatever its position</source>
        <translation>{0} → x̄：以权重 1/n = 1/{1} 相加，与它的位置无关</translation>
    </message>
    <message>
        <source>s = f(U x̄ + b): one hidden layer, computed once</source>
        <translation>s = f(U x̄ + b)：一个隐藏层，只计算一次</translation>
    </message>
    <message>
        <source>No edge between steps: each xₜ goes straight into the mean, and the mean is the same in any order.</source>
        <translation>时间步之间没有边：每个 xₜ 直接进入平均值，而平均值与顺序无关。</translation>
    </message>
    <message>
        <source>Ordinary network: x̄ = mean of the word vectors, s = f(U x̄ + b), o = V s + c</source>
        <translation>普通神经网络：x̄ = 词向量的平均，s = f(U x̄ + b)，o = V s + c</translation>
    </message>
</context>
<context>
    <name>CompareCells</name>
    <message>
        <source>LSTM ‖dL/dC_t‖ (cell state)</source>
        <translation>LSTM ‖dL/dC_t‖（细胞状态）</translation>
    </message>
    <message>
        <source>T: the length of the sentence (and of the training sequences), 2 to {0}</source>
        <translation>T：句子的长度（也是训练序列的长度），2 到 {0}</translation>
    </message>
    <message>
        <source>The sentence&apos;s first word, which is its label</source>
        <translation>句子的第一个词，也就是它的标签</translation>
    </message>
    <message>
        <source>Train the three on the memory task</source>
        <translation>在记忆任务上训练这三种单元</translation>
    </message>
    <message>
        <source>Train an RNN, an LSTM and a GRU (H = 16, Adam) on sequences of length T; takes seconds once the kernels are compiled</source>
        <translation>在长度为 T 的序列上训练一个 RNN、一个 LSTM 和一个 GRU（H = 16，Adam）；内核编译好之后只需几秒</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Computing the three traces…</source>
        <translation>正在计算这三种单元…</translation>
    </message>
    <message>
        <source>Length T</source>
        <translation>长度 T</translation>
    </message>
    <message>
        <source>First word</source>
        <translation>第一个词</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why gates?&lt;/b&gt; The memory task: the label is the first word (&lt;i&gt;yes&lt;/i&gt; = 1, &lt;i&gt;no&lt;/i&gt; = 0), every later word is noise, so the loss at t = T must send its gradient back T &amp;minus; 1 steps. The plot shows, on the same sentence of the same length, how much of the gradient each cell carries back to each step. Train the three on the task and compare again. The gated cells start with chrono gates (Tallec &amp;amp; Ollivier 2018); switch &lt;i&gt;Gates&lt;/i&gt; to Keras&apos; forget bias 1 to see the LSTM fail too.</source>
        <translation>&lt;b&gt;为什么要有门？&lt;/b&gt;记忆任务：标签就是第一个词（&lt;i&gt;yes&lt;/i&gt; = 1，&lt;i&gt;no&lt;/i&gt; = 0），之后的每个词都是噪声，所以 t = T 处的损失必须把它的梯度送回 T &amp;minus; 1 步。这张图在同样长度的同一个句子上显示每种单元把多少梯度带回到每一步。在这个任务上训练这三种单元，然后再比较一次。门控单元一开始使用 chrono 门（Tallec &amp;amp; Ollivier 2018）；把&lt;i&gt;门&lt;/i&gt;换成 Keras 的遗忘门偏置 1，就会看到 LSTM 也学不会。</translation>
    </message>
    <message>
        <source>Chrono (Tallec &amp; Ollivier 2018)</source>
        <translation>Chrono（Tallec &amp; Ollivier 2018）</translation>
    </message>
    <message>
        <source>Keras (forget bias 1)</source>
        <translation>Keras（遗忘门偏置 1）</translation>
    </message>
    <message>
        <source>How the LSTM&apos;s and GRU&apos;s gate biases start (the RNN has no gates).
Chrono: Tallec &amp; Ollivier (2018), &quot;Can recurrent neural networks warp time?&quot;: forget-gate biases b_f = log(u), u drawn from 1 .. T − 1, so some units keep their memory for up to T steps.
Keras (forget bias 1): f ≈ σ(1) = 0.73, so the cell state keeps 73% per step and its gradient shrinks like 0.73^(T−t): the LSTM does not learn this task at T ≥ 100.</source>
        <translation>LSTM 和 GRU 的门偏置如何初始化（RNN 没有门）。
Chrono：Tallec &amp; Ollivier (2018)，“Can recurrent neural networks warp time?”（循环神经网络能扭曲时间吗？）：遗忘门偏置 b_f = log(u)，u 取自 1 .. T − 1，所以有些单元能把记忆保持最多 T 步。
Keras（遗忘门偏置 1）：f ≈ σ(1) = 0.73，所以细胞状态每一步保留 73%，它的梯度像 0.73^(T−t) 那样缩小：在 T ≥ 100 时 LSTM 学不会这个任务。</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>门</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>时间步 t</translation>
    </message>
    <message>
        <source>gradient norm (log scale)</source>
        <translation>梯度范数（对数坐标）</translation>
    </message>
    <message>
        <source>Step through it on the Explore page:</source>
        <translation>在“探索”页上逐步查看：</translation>
    </message>
    <message>
        <source>Explore the {0}</source>
        <translation>探索 {0}</translation>
    </message>
    <message>
        <source>Show this {0} and this sentence in the unrolled graph and the BPTT panel</source>
        <translation>在展开的计算图和 BPTT 面板中显示这个 {0} 和这个句子</translation>
    </message>
    <message>
        <source>Tracing the sentence through the three cells…</source>
        <translation>正在用这三种单元计算这个句子…</translation>
    </message>
    <message>
        <source>Comparing the cells</source>
        <translation>比较单元</translation>
    </message>
    <message>
        <source>({0} tokens)</source>
        <translation>（{0} 个词元）</translation>
    </message>
    <message>
        <source>Sentence: {0} &amp;middot; label y = {1}</source>
        <translation>句子：{0} &amp;middot; 标签 y = {1}</translation>
    </message>
    <message>
        <source>The three cells after training on the memory task at T = {0}</source>
        <translation>在 T = {0} 的记忆任务上训练后的三种单元</translation>
    </message>
    <message>
        <source>The three cells untrained (as initialised)</source>
        <translation>未训练的三种单元（初始状态）</translation>
    </message>
    <message>
        <source>{0}, on this sentence:</source>
        <translation>{0}，在这个句子上：</translation>
    </message>
    <message>
        <source>Measured on {0} test sequences at T = {1}: {2}.</source>
        <translation>在 T = {1} 的 {0} 个测试序列上测得：{2}。</translation>
    </message>
    <message>
        <source>The ratio says how much of the gradient at the last step is left at the first word: the one the label depends on.</source>
        <translation>这个比值说明最后一步的梯度到第一个词时还剩多少：而标签正取决于第一个词。</translation>
    </message>
    <message>
        <source>Training on the memory task at T = {0} (the first run compiles the kernels)…</source>
        <translation>正在 T = {0} 的记忆任务上训练（第一次运行会编译内核）…</translation>
    </message>
    <message>
        <source>Training on the memory task</source>
        <translation>在记忆任务上训练</translation>
    </message>
    <message>
        <source>Training the {0}: epoch {1}, held-out accuracy {2}</source>
        <translation>正在训练 {0}：第 {1} 轮，留出数据上的准确率 {2}</translation>
    </message>
    <message>
        <source>Compare cells: RNN, LSTM, GRU</source>
        <translation>比较单元：RNN、LSTM、GRU</translation>
    </message>
    <message>
        <source>{0} for the memory task (trained at T = {1})</source>
        <translation>记忆任务的 {0}（在 T = {1} 上训练过）</translation>
    </message>
    <message>
        <source>{0} for the memory task (untrained)</source>
        <translation>记忆任务的 {0}（未训练）</translation>
    </message>
    <message>
        <source>chrono gates</source>
        <translation>chrono 门</translation>
    </message>
    <message>
        <source>Keras gates (LSTM forget bias {0})</source>
        <translation>Keras 门（LSTM 遗忘门偏置 {0}）</translation>
    </message>
    <message>
        <source>{0} at chance ({1})</source>
        <translation>{0} 只达到随机水平（{1}）</translation>
    </message>
    <message>
        <source>{0} learned it ({1})</source>
        <translation>{0} 学会了（{1}）</translation>
    </message>
</context>
<context>
    <name>CompareCellsView</name>
    <message numerus="yes">
        <source>test accuracy {0} after %n epoch(s) ({1} s)</source>
        <translation>
            <numerusform>训练 %n 轮后测试集准确率 {0}（{1} 秒）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigErrors</name>
    <message>
        <source>gate_init &apos;chrono&apos; initialises the gates of an LSTM or GRU; the vanilla RNN has none</source>
        <translation>gate_init “chrono” 用于初始化 LSTM 或 GRU 的门；最基本的 RNN 没有门</translation>
    </message>
    <message>
        <source>gate_init &apos;chrono&apos; needs maxlen &gt;= 3 (it spreads memories over 1 .. maxlen - 1 steps)</source>
        <translation>gate_init “chrono” 需要 maxlen &gt;= 3（它把记忆长度分布在 1 .. maxlen - 1 个时间步上）</translation>
    </message>
    <message>
        <source>activation {0!r} applies to the vanilla RNN only: the {1} cell has its own sigmoid and tanh gates; use activation tanh with it</source>
        <translation>激活函数 {0!r} 只适用于最基本的 RNN：{1} 单元有自己的 sigmoid 和 tanh 门；请配合激活函数 tanh 使用</translation>
    </message>
    <message>
        <source>the ordinary network (model bag) has no recurrent cell; cell {0!r} needs model rnn</source>
        <translation>普通神经网络（model bag）没有循环单元；单元 {0!r} 需要 model rnn</translation>
    </message>
    <message>
        <source>truncate applies to the RNN&apos;s BPTT only; the bag model has no steps to truncate</source>
        <translation>截断只适用于 RNN 的时间反向传播；词嵌入平均模型没有可截断的时间步</translation>
    </message>
    <message>
        <source>head softmax (next-word prediction) is for the built-in tasks (memory, negation): over IMDb&apos;s vocabulary at 500 steps its outputs would need gigabytes</source>
        <translation>softmax 输出头（预测下一个词）用于内置任务（memory、negation）：在 IMDb 的词表上走 500 个时间步，它的输出需要好几 GB 内存</translation>
    </message>
    <message>
        <source>config must be a mapping of field names to values, got {0}</source>
        <translation>配置必须是字段名到取值的映射，实际为 {0}</translation>
    </message>
    <message>
        <source>unknown config field {0!r}; allowed fields: {1}</source>
        <translation>未知的配置字段 {0!r}；允许的字段：{1}</translation>
    </message>
    <message>
        <source>{0} must be one of {1}, got {2!r}</source>
        <translation>{0} 必须是 {1} 之一，实际为 {2!r}</translation>
    </message>
    <message>
        <source> or empty (None)</source>
        <translation>或留空（None）</translation>
    </message>
    <message>
        <source>{0} must be an integer from {1} to {2}{3}, got {4!r}</source>
        <translation>{0} 必须是 {1} 到 {2} 之间的整数{3}，实际为 {4!r}</translation>
    </message>
    <message>
        <source>{0} must be a number from 0 (off) to {1:g}, got {2!r}</source>
        <translation>{0} 必须是 0（关闭）到 {1:g} 之间的数，实际为 {2!r}</translation>
    </message>
    <message>
        <source>{0} must be a number greater than {1:g} and at most {2:g}{3}, got {4!r}</source>
        <translation>{0} 必须是大于 {1:g} 且不超过 {2:g} 的数{3}，实际为 {4!r}</translation>
    </message>
    <message>
        <source>this run needs about {0} of memory (one batch&apos;s states alone are batch_size {1} x maxlen {2} x hidden_dim {3} numbers), more than this computer&apos;s {4}. Use a smaller batch size, maxlen, hidden_dim or embed_dim.</source>
        <translation>这次训练大约需要 {0} 内存（仅一个批次的状态就有 batch_size {1} x maxlen {2} x hidden_dim {3} 个数），超过了这台计算机的 {4}。请减小批大小、maxlen、hidden_dim 或 embed_dim。</translation>
    </message>
    <message>
        <source>the dataset&apos;s sequences have {0} steps but maxlen is {1}; load the dataset with the config&apos;s maxlen</source>
        <translation>数据集的序列有 {0} 个时间步，但 maxlen 是 {1}；请用配置中的 maxlen 加载数据集</translation>
    </message>
    <message>
        <source>the dataset uses token id {0} but its vocabulary has only {1} ids</source>
        <translation>数据集用到了词元编号 {0}，但它的词表只有 {1} 个编号</translation>
    </message>
    <message>
        <source>the dataset needs at least 2 training and 1 test sequence</source>
        <translation>数据集至少需要 2 个训练序列和 1 个测试序列</translation>
    </message>
</context>
<context>
    <name>Curves</name>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>Per batch (faint), its moving average (smoothed), and per epoch: the training average (dots) and the validation score (squares)</source>
        <translation>每个批次（浅色）、它的滑动平均（平滑），以及每一轮：训练平均值（圆点）和验证得分（方块）</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>epoch {0} (step {1})</source>
        <translation>第 {0} 轮（第 {1} 步）</translation>
    </message>
    <message>
        <source>(mean of {0} batches)</source>
        <translation>（{0} 个批次的平均）</translation>
    </message>
    <message>
        <source>||g|| before clipping</source>
        <translation>裁剪前的 ||g||</translation>
    </message>
    <message>
        <source>Gradient norm (before clipping)</source>
        <translation>梯度范数（裁剪前）</translation>
    </message>
    <message>
        <source>clip at {0}</source>
        <translation>裁剪于 {0}</translation>
    </message>
    <message>
        <source>step {0}: ||g|| {1}</source>
        <translation>第 {0} 步：||g|| {1}</translation>
    </message>
    <message>
        <source>clipped: yes</source>
        <translation>已裁剪：是</translation>
    </message>
    <message>
        <source>clipped: no</source>
        <translation>已裁剪：否</translation>
    </message>
    <message>
        <source>clipped in {0}% of {1} batches</source>
        <translation>在 {1} 个批次中有 {0}% 被裁剪</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>train (epochs)</source>
        <translation>训练（每轮）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>fraction correct</source>
        <translation>正确的比例</translation>
    </message>
    <message>
        <source>Spectral radius of W</source>
        <translation>W 的谱半径</translation>
    </message>
</context>
<context>
    <name>DataErrors</name>
    <message>
        <source>cannot write the download into {0} ({1}); choose another folder or download the archive yourself and give its path with --imdb PATH.</source>
        <translation>无法把下载内容写入 {0}（{1}）；请换一个文件夹，或自己下载压缩包并用 --imdb PATH 给出它的路径。</translation>
    </message>
    <message>
        <source>the download from {0} is corrupt: its MD5 is {1}, expected {2}. Nothing was kept; try again later.</source>
        <translation>从 {0} 下载的文件已损坏：它的 MD5 是 {1}，应为 {2}。没有保留任何文件；请稍后再试。</translation>
    </message>
    <message>
        <source>cannot download the IMDb dataset from {0} ({1}).</source>
        <translation>无法从 {0} 下载 IMDb 数据集（{1}）。</translation>
    </message>
    <message>
        <source>the IMDb download was cancelled; nothing was kept</source>
        <translation>IMDb 的下载已取消；没有保留任何文件</translation>
    </message>
    <message>
        <source>the download from {0} broke off after {1:,} bytes ({2}); nothing was kept, try again.</source>
        <translation>从 {0} 的下载在 {1:,} 字节后中断（{2}）；没有保留任何文件，请重试。</translation>
    </message>
    <message>
        <source>the server at {0} sent more than {1:,} bytes, far more than the archive; nothing was kept.</source>
        <translation>{0} 的服务器发送了超过 {1:,} 字节，远多于压缩包的大小；没有保留任何文件。</translation>
    </message>
    <message>
        <source>the download from {0} broke off after {1:,} of {2:,} bytes; nothing was kept, try again.</source>
        <translation>从 {0} 的下载在 {1:,} / {2:,} 字节处中断；没有保留任何文件，请重试。</translation>
    </message>
    <message>
        <source> (the archive needs {0:,.0f} MB)</source>
        <translation>（压缩包需要 {0:,.0f} MB）</translation>
    </message>
    <message>
        <source>the disk holding {0} is full after {1:,} bytes{2}; nothing was kept. Free some space or choose another folder.</source>
        <translation>写入 {1:,} 字节后，{0} 所在的磁盘已满{2}；没有保留任何文件。请腾出空间或换一个文件夹。</translation>
    </message>
    <message>
        <source>cannot write the download into {0} ({1}); nothing was kept.</source>
        <translation>无法把下载内容写入 {0}（{1}）；没有保留任何文件。</translation>
    </message>
    <message>
        <source>the download from {0} is too slow (under {1:g} kB/s for {2:g} s, {3:,} bytes so far); nothing was kept. Try again later or on another network.</source>
        <translation>从 {0} 的下载太慢（{2:g} 秒内低于 {1:g} kB/s，目前 {3:,} 字节）；没有保留任何文件。请稍后或换一个网络再试。</translation>
    </message>
    <message>
        <source>the server at {0} sent nothing for {1:g} s after {2:,} bytes; nothing was kept, try again later.</source>
        <translation>{0} 的服务器在 {2:,} 字节后 {1:g} 秒没有发送任何数据；没有保留任何文件，请稍后再试。</translation>
    </message>
    <message>
        <source>word index {0} does not exist (expected Keras&apos; {1})</source>
        <translation>词索引 {0} 不存在（应为 Keras 的 {1}）</translation>
    </message>
    <message>
        <source>cannot read the word index {0}: {1}</source>
        <translation>无法读取词索引 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is not a Keras word index (a JSON object word -&gt; rank)</source>
        <translation>{0} 不是 Keras 的词索引（一个“词 -&gt; 排名”的 JSON 对象）</translation>
    </message>
    <message>
        <source>{0} holds word numbers only; to show words rnnviz needs Keras&apos; {1} next to it (Keras downloads it to ~/.keras/datasets/; URL https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json).</source>
        <translation>{0} 只含词的编号；要显示词，rnnviz 需要它旁边有 Keras 的 {1}（Keras 会把它下载到 ~/.keras/datasets/；网址 https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json）。</translation>
    </message>
    <message>
        <source>{0} holds more data than fits in memory: not Keras&apos; imdb.npz</source>
        <translation>{0} 的数据超出内存容量：不是 Keras 的 imdb.npz</translation>
    </message>
    <message>
        <source>{0} is damaged or not a Keras imdb.npz ({1}: {2}). Download it again or use the Stanford aclImdb_v1.tar.gz instead.</source>
        <translation>{0} 已损坏或不是 Keras 的 imdb.npz（{1}：{2}）。请重新下载，或改用斯坦福的 aclImdb_v1.tar.gz。</translation>
    </message>
    <message>
        <source>{0}: member {1} would expand to {2:,.1f} GB (more than {3:.1f} GB): not Keras&apos; imdb.npz</source>
        <translation>{0}：成员 {1} 解压后将有 {2:,.1f} GB（超过 {3:.1f} GB）：不是 Keras 的 imdb.npz</translation>
    </message>
    <message>
        <source>{0}: {1}_lengths does not add up to the size of {2}_ids</source>
        <translation>{0}：{1}_lengths 之和与 {2}_ids 的大小不符</translation>
    </message>
    <message>
        <source>{0} has no &apos;{1}&apos; array: not a Keras imdb.npz (it has {2})</source>
        <translation>{0} 没有“{1}”数组：不是 Keras 的 imdb.npz（它有 {2}）</translation>
    </message>
    <message>
        <source>{0} has no &apos;{1}&apos; array: not a Keras imdb.npz</source>
        <translation>{0} 没有“{1}”数组：不是 Keras 的 imdb.npz</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; must hold one 0/1 label per review</source>
        <translation>{0}：“{1}”必须为每条影评存一个 0/1 标签</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; holds word numbers below 1; Keras ranks start at 1</source>
        <translation>{0}：“{1}”含有小于 1 的词编号；Keras 的排名从 1 开始</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; holds word number {2:,}; Keras&apos; ranks are below {3:,}</source>
        <translation>{0}：“{1}”含有词编号 {2:,}；Keras 的排名都小于 {3:,}</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; holds {2:,} words, more than the {3:,} rnnviz reads per split: not Keras&apos; imdb.npz</source>
        <translation>{0}：“{1}”含有 {2:,} 个词，超过 rnnviz 每个划分读取的上限 {3:,}：不是 Keras 的 imdb.npz</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; must hold integers, got {2}</source>
        <translation>{0}：“{1}”必须是整数，实际为 {2}</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; holds a number too large to be a word rank</source>
        <translation>{0}：“{1}”含有一个过大的数，不可能是词的排名</translation>
    </message>
    <message>
        <source>{0}: &apos;{1}&apos; must be a 2-D integer array or Keras&apos; lists; got {2} {3}</source>
        <translation>{0}：“{1}”必须是二维整数数组或 Keras 的列表；实际为 {2} {3}</translation>
    </message>
    <message>
        <source>loading IMDb was cancelled</source>
        <translation>加载 IMDb 已取消</translation>
    </message>
    <message>
        <source>the loader process ended with status {0}</source>
        <translation>加载进程以状态 {0} 结束</translation>
    </message>
    <message>
        <source>${0} {1} does not exist.</source>
        <translation>${0} 所指的 {1} 不存在。</translation>
    </message>
    <message>
        <source>the given path {0} does not exist.</source>
        <translation>给出的路径 {0} 不存在。</translation>
    </message>
    <message>
        <source>Put {0} (https://ai.stanford.edu/~amaas/data/sentiment/) into {1}, or give its path with --imdb PATH or the environment variable {2}=PATH (an unpacked aclImdb folder or a Keras imdb.npz work too).</source>
        <translation>请把 {0}（https://ai.stanford.edu/~amaas/data/sentiment/）放到 {1}，或用 --imdb PATH 或环境变量 {2}=PATH 给出它的路径（解压后的 aclImdb 文件夹或 Keras 的 imdb.npz 也可以）。</translation>
    </message>
    <message>
        <source>{0}: not a numpy array file ({1})</source>
        <translation>{0}：不是 numpy 数组文件（{1}）</translation>
    </message>
    <message>
        <source>{0}: expected a 1-D array of lists, got {1} {2}</source>
        <translation>{0}：应为由列表组成的一维数组，实际为 {1} {2}</translation>
    </message>
    <message>
        <source>{0}: header says {1} reviews but {2} were stored</source>
        <translation>{0}：文件头说有 {1} 条影评，但实际存了 {2} 条</translation>
    </message>
    <message>
        <source>{0}: the reviews hold {1:,} words in all, more than the {2:,} rnnviz reads per split (Keras&apos; file has about 6 million)</source>
        <translation>{0}：影评共含 {1:,} 个词，超过 rnnviz 每个划分读取的上限 {2:,}（Keras 的文件约有 600 万个）</translation>
    </message>
    <message>
        <source>{0}: a word number is too large to be a word rank</source>
        <translation>{0}：有一个词编号过大，不可能是词的排名</translation>
    </message>
    <message>
        <source>{0}: the stored object is not a numpy object array</source>
        <translation>{0}：存储的对象不是 numpy 对象数组</translation>
    </message>
    <message>
        <source>{0}: an element is not a list of integers (unsupported content)</source>
        <translation>{0}：有一个元素不是整数列表（不支持的内容）</translation>
    </message>
    <message>
        <source>{0}: unsupported pickle content (BUILD on a plain value)</source>
        <translation>{0}：不支持的 pickle 内容（对普通值执行 BUILD）</translation>
    </message>
    <message>
        <source>{0}: unsupported pickle opcode 0x{1:02x}; this file holds more than lists of integers, so rnnviz will not read it</source>
        <translation>{0}：不支持的 pickle 操作码 0x{1:02x}；这个文件含有整数列表以外的内容，所以 rnnviz 不会读取它</translation>
    </message>
    <message>
        <source>{0}: damaged array data ({1}); download the file again</source>
        <translation>{0}：数组数据已损坏（{1}）；请重新下载该文件</translation>
    </message>
    <message>
        <source>{0}: the array data ends early (truncated file); download it again</source>
        <translation>{0}：数组数据提前结束（文件被截断）；请重新下载</translation>
    </message>
    <message>
        <source>{0}: refers to {1}.{2}; only numpy arrays of integer lists are read (rnnviz never unpickles arbitrary objects)</source>
        <translation>{0}：引用了 {1}.{2}；只读取由整数列表组成的 numpy 数组（rnnviz 从不反序列化任意对象）</translation>
    </message>
    <message>
        <source>review file {0} has rating {1}; IMDb review files are named &lt;id&gt;_&lt;rating&gt;.txt with a rating from {2} to {3}. Give the path of the original aclImdb_v1.tar.gz or aclImdb folder.</source>
        <translation>影评文件 {0} 的评分是 {1}；IMDb 的影评文件名为 &lt;id&gt;_&lt;rating&gt;.txt，评分在 {2} 到 {3} 之间。请给出原始 aclImdb_v1.tar.gz 或 aclImdb 文件夹的路径。</translation>
    </message>
    <message>
        <source>review file {0} has id {1:,}, beyond the {2:,} rnnviz can keep: not an IMDb review file. Give the path of the original aclImdb_v1.tar.gz or aclImdb folder.</source>
        <translation>影评文件 {0} 的编号是 {1:,}，超出 rnnviz 能保存的 {2:,}：不是 IMDb 的影评文件。请给出原始 aclImdb_v1.tar.gz 或 aclImdb 文件夹的路径。</translation>
    </message>
    <message>
        <source>IMDb data not found at {0}: no such file or folder. Give the path of aclImdb_v1.tar.gz or of the unpacked aclImdb folder.</source>
        <translation>在 {0} 找不到 IMDb 数据：没有这个文件或文件夹。请给出 aclImdb_v1.tar.gz 或解压后的 aclImdb 文件夹的路径。</translation>
    </message>
    <message>
        <source>{0} is damaged or not an IMDb archive ({1}: {2}). The file may be truncated by an interrupted download: delete it and download it again, or give the path of a good aclImdb_v1.tar.gz or unpacked aclImdb folder.</source>
        <translation>{0} 已损坏或不是 IMDb 压缩包（{1}：{2}）。文件可能因下载中断而被截断：请删除后重新下载，或给出完好的 aclImdb_v1.tar.gz 或解压后的 aclImdb 文件夹的路径。</translation>
    </message>
    <message>
        <source>cannot read review {0}: {1}</source>
        <translation>无法读取影评 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} does not look like the IMDb dataset: no reviews found under aclImdb/{1}/{2}/ (expected files named &lt;id&gt;_&lt;rating&gt;.txt). Give the path of aclImdb_v1.tar.gz or of the unpacked aclImdb folder.</source>
        <translation>{0} 看起来不是 IMDb 数据集：在 aclImdb/{1}/{2}/ 下找不到影评（应为名为 &lt;id&gt;_&lt;rating&gt;.txt 的文件）。请给出 aclImdb_v1.tar.gz 或解压后的 aclImdb 文件夹的路径。</translation>
    </message>
    <message>
        <source>a vocabulary must start with {0}, got {1}</source>
        <translation>词表必须以 {0} 开头，实际为 {1}</translation>
    </message>
    <message>
        <source>a vocabulary must not contain the same word twice</source>
        <translation>词表不能两次包含同一个词</translation>
    </message>
    <message>
        <source>word index is not a list of ranks 1, 2, 3, ...: {0!r} has rank {1}</source>
        <translation>词索引不是排名 1, 2, 3, … 的列表：{0!r} 的排名是 {1}</translation>
    </message>
    <message>
        <source>saved vocabulary is not valid JSON: {0}</source>
        <translation>保存的词表不是有效的 JSON：{0}</translation>
    </message>
    <message>
        <source>saved vocabulary has the wrong format (expected an rnnviz vocabulary)</source>
        <translation>保存的词表格式不对（应为 rnnviz 的词表）</translation>
    </message>
    <message>
        <source>saved vocabulary has version {0!r}; this rnnviz reads {1}</source>
        <translation>保存的词表版本是 {0!r}；这个 rnnviz 读取版本 {1}</translation>
    </message>
    <message>
        <source>saved vocabulary has no list of words</source>
        <translation>保存的词表没有词的列表</translation>
    </message>
    <message>
        <source>loading the IMDb reviews was cancelled</source>
        <translation>加载 IMDb 影评已取消</translation>
    </message>
    <message>
        <source>No copy of the IMDb dataset was found.</source>
        <translation>没有找到 IMDb 数据集。</translation>
    </message>
</context>
<context>
    <name>DatasetBox</name>
    <message>
        <source>IMDb movie reviews (50,000, positive/negative)</source>
        <translation>IMDb 影评（50,000 条，正面/负面）</translation>
    </message>
    <message>
        <source>Built-in: long-range memory (label decided at the start)</source>
        <translation>内置：长距离记忆（标签由开头决定）</translation>
    </message>
    <message>
        <source>Built-in: negation (&apos;not good&apos; vs &apos;good&apos;)</source>
        <translation>内置：否定（“not good”与“good”）</translation>
    </message>
    <message>
        <source>The label is the first word; the rest is noise. Make T longer to watch the gradient vanish before it reaches the start. No download needed.</source>
        <translation>标签就是第一个词；其余都是噪声。把 T 加长，可以看到梯度在到达开头之前就消失了。无需下载。</translation>
    </message>
    <message>
        <source>Short sentences in which &apos;not&apos; and &apos;but&apos; flip the meaning, so word order matters. No download needed.</source>
        <translation>短句中的“not”和“but”会翻转意思，所以词序很重要。无需下载。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Use a copy of IMDb you have: aclImdb_v1.tar.gz, an unpacked aclImdb folder, or Keras&apos; imdb.npz</source>
        <translation>使用你已有的 IMDb 数据：aclImdb_v1.tar.gz、解压后的 aclImdb 文件夹，或 Keras 的 imdb.npz</translation>
    </message>
    <message>
        <source>Archive or Keras imdb.npz…</source>
        <translation>压缩包或 Keras imdb.npz…</translation>
    </message>
    <message>
        <source>Unpacked aclImdb folder…</source>
        <translation>解压后的 aclImdb 文件夹…</translation>
    </message>
    <message>
        <source>Download ({0} MB)</source>
        <translation>下载（{0} MB）</translation>
    </message>
    <message>
        <source>Download aclImdb_v1.tar.gz from Stanford into the rnnviz cache folder; the checksum is verified before the file is kept</source>
        <translation>从斯坦福下载 aclImdb_v1.tar.gz 到 rnnviz 的缓存文件夹；保留文件之前会核对校验和</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The copy you opened last ({0}) is no longer there.</source>
        <translation>你上次打开的那份数据（{0}）已经不在了。</translation>
    </message>
    <message>
        <source>Using {0}</source>
        <translation>正在使用 {0}</translation>
    </message>
    <message>
        <source>No copy of IMDb found yet.</source>
        <translation>还没有找到 IMDb 数据。</translation>
    </message>
    <message>
        <source>Open a copy you have, or download it (84 MB).</source>
        <translation>打开你已有的一份，或下载它（84 MB）。</translation>
    </message>
    <message>
        <source>Open IMDb</source>
        <translation>打开 IMDb</translation>
    </message>
    <message>
        <source>IMDb archive or Keras npz (*.tar.gz *.tgz *.npz);;All files (*)</source>
        <translation>IMDb 压缩包或 Keras npz (*.tar.gz *.tgz *.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open the unpacked aclImdb folder</source>
        <translation>打开解压后的 aclImdb 文件夹</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{0} s left</source>
        <translation>还剩 {0} 秒</translation>
    </message>
    <message>
        <source>{0} of {1} MB ({2} MB/s{3})</source>
        <translation>{0} / {1} MB（{2} MB/秒{3}）</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was kept.</source>
        <translation>下载已取消；没有保留任何文件。</translation>
    </message>
</context>
<context>
    <name>Demos</name>
    <message>
        <source>the demo must be one of {0}, got {1}</source>
        <translation>演示必须是 {0} 之一，实际为 {1}</translation>
    </message>
    <message>
        <source>The vanishing demo scales a vanilla RNN&apos;s W; this model is {0}, whose gates decide what is kept. Open Compare cells (View menu) to see its gradient beside the RNN&apos;s</source>
        <translation>梯度消失演示缩放的是普通 RNN 的 W；这个模型是 {0}，由它的门决定保留什么。打开“比较单元”（视图菜单），可以在 RNN 的梯度旁边看到它的梯度</translation>
    </message>
    <message>
        <source>The exploding demo scales a vanilla RNN&apos;s W; this model is {0}, whose gates decide what is kept. Open Compare cells (View menu) to see its gradient beside the RNN&apos;s</source>
        <translation>梯度爆炸演示缩放的是普通 RNN 的 W；这个模型是 {0}，由它的门决定保留什么。打开“比较单元”（视图菜单），可以在 RNN 的梯度旁边看到它的梯度</translation>
    </message>
    <message>
        <source>this model&apos;s W has spectral radius 0, so scaling it cannot show the demo</source>
        <translation>这个模型的 W 谱半径为 0，缩放它无法展示该演示</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>BPTT by hand</source>
        <translation>手算 BPTT</translation>
    </message>
    <message>
        <source>The equation of the current step with the numbers of this trace</source>
        <translation>当前步骤的方程，代入这次计算的数字</translation>
    </message>
    <message>
        <source>Show all entries</source>
        <translation>显示所有分量</translation>
    </message>
    <message>
        <source>Show every entry of each vector and matrix instead of the first few and the norm</source>
        <translation>显示每个向量和矩阵的每一个分量，而不只是前几个分量和范数</translation>
    </message>
    <message>
        <source>The forward equations, explained</source>
        <translation>前向方程详解</translation>
    </message>
    <message>
        <source>Backpropagation through time, explained</source>
        <translation>时间反向传播详解</translation>
    </message>
    <message>
        <source>Help:</source>
        <translation>帮助：</translation>
    </message>
    <message>
        <source>Select and copy any number to check the step by hand</source>
        <translation>选中并复制任意数字，手工核对这一步</translation>
    </message>
</context>
<context>
    <name>Diagnose</name>
    <message>
        <source>No gradient to draw: {0}.</source>
        <translation>没有梯度可画：{0}。</translation>
    </message>
    <message>
        <source>Every gradient is exactly 0: {0}.</source>
        <translation>每个梯度都恰好为 0：{0}。</translation>
    </message>
    <message>
        <source>Nothing to share out: dL/dW = 0 (see the left plot).</source>
        <translation>没有可分配的份额：dL/dW = 0（见左边的曲线图）。</translation>
    </message>
    <message>
        <source>the forward pass overflowed: {0} is not finite (inf or nan), so o_T, the loss and every gradient are undefined; scale W down</source>
        <translation>前向传播溢出了：{0} 不是有限数（inf 或 nan），所以 o_T、损失和每个梯度都没有定义；请把 W 缩小</translation>
    </message>
    <message>
        <source>{0} equals the label y = {1} to double precision (the sigmoid is saturated), so {2} and nothing flows back</source>
        <translation>{0} 在双精度下等于标签 y = {1}（sigmoid 已饱和），所以 {2}，没有任何梯度传回</translation>
    </message>
    <message>
        <source>every ŷ_t puts probability 1 on its target, so {0} at every t</source>
        <translation>每个 ŷ_t 都把概率 1 放在它的目标上，所以在每个 t 上 {0}</translation>
    </message>
    <message>
        <source>W = 0, so nothing reaches {0} from step {1}</source>
        <translation>W = 0，所以没有任何梯度从第 {1} 步传到 {0}</translation>
    </message>
    <message>
        <source>nothing reaches {0} from step {1}: the gates pass 0 back ({2} = 0, saturated gates, or it underflowed)</source>
        <translation>没有任何梯度从第 {1} 步传到 {0}：门传回的是 0（{2} = 0，门已饱和，或者下溢了）</translation>
    </message>
    <message>
        <source>the ReLU is dead at t = {0}: every {1} ≤ 0, so {2} = 0 and {3} = 0</source>
        <translation>ReLU 在 t = {0} 处死亡：每个 {1} ≤ 0，所以 {2} = 0 且 {3} = 0</translation>
    </message>
    <message>
        <source>{0} = 0 for every unit, so {1} = 0</source>
        <translation>每个单元的 {0} = 0，所以 {1} = 0</translation>
    </message>
    <message>
        <source>W = 0, so W^T dL/da carries nothing back</source>
        <translation>W = 0，所以 W^T dL/da 什么也传不回去</translation>
    </message>
    <message>
        <source>{0} = 0 ({1} lies in W^T&apos;s null space or underflowed)</source>
        <translation>{0} = 0（{1} 位于 W^T 的零空间中，或者下溢了）</translation>
    </message>
    <message>
        <source>{0} underflowed to 0 (f′ is tiny where {1} is not)</source>
        <translation>{0} 下溢为 0（在 {1} 不小的地方 f′ 极小）</translation>
    </message>
    <message>
        <source>BPTT is truncated to the last {0} steps</source>
        <translation>BPTT 被截断为最后 {0} 步</translation>
    </message>
    <message>
        <source>it underflowed (smaller than about 1e-308, a vanished gradient)</source>
        <translation>它下溢了（小于约 1e-308，是一个已经消失的梯度）</translation>
    </message>
    <message>
        <source>‖dL/ds_t‖ = 0 at {0}: {1}; a log axis cannot show 0.</source>
        <translation>在 {0} 处 ‖dL/ds_t‖ = 0：{1}；对数坐标无法显示 0。</translation>
    </message>
    <message>
        <source>‖dL/ds_t‖ overflowed to inf at {0} (an exploding gradient); not drawn.</source>
        <translation>‖dL/ds_t‖ 在 {0} 处溢出为 inf（梯度爆炸）；没有画出。</translation>
    </message>
    <message>
        <source>t = 1 adds 0 to dL/dW: its share is {0} s_0^T and s_0 = 0.</source>
        <translation>t = 1 给 dL/dW 加上 0：它的份额是 {0} s_0^T，而 s_0 = 0。</translation>
    </message>
    <message>
        <source>0 at {0}: {1} or s_(t−1) is 0 there.</source>
        <translation>在 {0} 处为 0：那里 {1} 或 s_(t−1) 为 0。</translation>
    </message>
    <message>
        <source>0 at {0}, where dL/ds_t is 0 (left plot).</source>
        <translation>在 {0} 处为 0，那里 dL/ds_t 为 0（左边的曲线图）。</translation>
    </message>
    <message>
        <source>inf at {0}; not drawn.</source>
        <translation>在 {0} 处为 inf；没有画出。</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>等另外 {0} 个</translation>
    </message>
    <message>
        <source>{0} overflowed to inf: the gradient exploded on its way back from t = {1}</source>
        <translation>{0} 溢出为 inf：梯度在从 t = {1} 往回传的路上爆炸了</translation>
    </message>
    <message>
        <source>it underflowed on its way back (smaller than about 1e-308): a vanished gradient</source>
        <translation>它在往回传的路上下溢了（小于约 1e-308）：一个已经消失的梯度</translation>
    </message>
</context>
<context>
    <name>Equations</name>
    <message>
        <source>{0} is not in the vocabulary, so it reads as &amp;lt;oov&amp;gt;</source>
        <translation>{0} 不在词表中，所以读作 &amp;lt;oov&amp;gt;</translation>
    </message>
    <message>
        <source>No step selected.</source>
        <translation>没有选中步骤。</translation>
    </message>
    <message>
        <source>Step {0} of {1} &amp;middot; T = {2} &amp;middot; H = {3} hidden units &amp;middot; f = {4}</source>
        <translation>第 {0} 步，共 {1} 步 &amp;middot; T = {2} &amp;middot; H = {3} 个隐藏单元 &amp;middot; f = {4}</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>the end of the input</source>
        <translation>输入的结尾</translation>
    </message>
    <message>
        <source>Predicted next word: {0} (p = {1}); target {2} = {3}, {4} (p = {5}): {6}.</source>
        <translation>预测的下一个词：{0}（p = {1}）；目标 {2} = {3}，即 {4}（p = {5}）：{6}。</translation>
    </message>
    <message>
        <source>Forward, step t = {0}</source>
        <translation>前向，第 t = {0} 步</translation>
    </message>
    <message>
        <source>Input {0} = E[{1}], the embedding row of {2}.</source>
        <translation>输入 {0} = E[{1}]，即 {2} 的词嵌入行。</translation>
    </message>
    <message>
        <source>zero, because s&lt;sub&gt;0&lt;/sub&gt; = 0</source>
        <translation>为零，因为 s&lt;sub&gt;0&lt;/sub&gt; = 0</translation>
    </message>
    <message>
        <source>Many-to-one: only the last output o&lt;sub&gt;T&lt;/sub&gt; reaches the loss; this o&lt;sub&gt;t&lt;/sub&gt; is computed but unused.</source>
        <translation>多对一：只有最后的输出 o&lt;sub&gt;T&lt;/sub&gt; 进入损失；这个 o&lt;sub&gt;t&lt;/sub&gt; 计算了但没有使用。</translation>
    </message>
    <message>
        <source>Loss (many-to-one, at t = T = {0})</source>
        <translation>损失（多对一，在 t = T = {0} 处）</translation>
    </message>
    <message>
        <source>the model&apos;s probability that the label is 1</source>
        <translation>模型认为标签为 1 的概率</translation>
    </message>
    <message>
        <source>{0} with y = {1}: L = {2}</source>
        <translation>{0}，其中 y = {1}：L = {2}</translation>
    </message>
    <message>
        <source>This is where the backward pass starts: the gradient enters through V into s&lt;sub&gt;T&lt;/sub&gt;.</source>
        <translation>反向传播从这里开始：梯度经由 V 进入 s&lt;sub&gt;T&lt;/sub&gt;。</translation>
    </message>
    <message>
        <source>Every gradient below is exactly 0: {0}.</source>
        <translation>下面的每个梯度都恰好为 0：{0}。</translation>
    </message>
    <message>
        <source>{0} more steps (Show all entries)</source>
        <translation>另外 {0} 步（显示所有分量）</translation>
    </message>
    <message>
        <source>Loss (many-to-many): {0}</source>
        <translation>损失（多对多）：{0}</translation>
    </message>
    <message>
        <source>At every step the model predicts the next word; its target y&lt;sub&gt;t&lt;/sub&gt; is x&lt;sub&gt;t+1&lt;/sub&gt; (the end token after the last word).</source>
        <translation>模型在每一步预测下一个词；它的目标 y&lt;sub&gt;t&lt;/sub&gt; 是 x&lt;sub&gt;t+1&lt;/sub&gt;（最后一个词之后是结束词元）。</translation>
    </message>
    <message>
        <source>predicted next word (p)</source>
        <translation>预测的下一个词（p）</translation>
    </message>
    <message>
        <source>target y&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>目标 y&lt;sub&gt;t&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>next word right at {0} of {1} steps</source>
        <translation>{1} 步中有 {0} 步下一个词预测正确</translation>
    </message>
    <message>
        <source>The backward pass starts at every step: dL/do&lt;sub&gt;t&lt;/sub&gt; = &amp;#375;&lt;sub&gt;t&lt;/sub&gt; &amp;minus; onehot(y&lt;sub&gt;t&lt;/sub&gt;) enters s&lt;sub&gt;t&lt;/sub&gt; through V at each t.</source>
        <translation>反向传播在每一步都开始：在每个 t 上，dL/do&lt;sub&gt;t&lt;/sub&gt; = &amp;#375;&lt;sub&gt;t&lt;/sub&gt; &amp;minus; onehot(y&lt;sub&gt;t&lt;/sub&gt;) 经由 V 进入 s&lt;sub&gt;t&lt;/sub&gt;。</translation>
    </message>
    <message>
        <source>Entry {0} (the target {1}) is &amp;#375; &amp;minus; 1 = {2}; every other entry is that word&apos;s probability.</source>
        <translation>第 {0} 个分量（目标 {1}）是 &amp;#375; &amp;minus; 1 = {2}；其他每个分量都是那个词的概率。</translation>
    </message>
    <message>
        <source>Backward, step t = {0}</source>
        <translation>反向，第 t = {0} 步</translation>
    </message>
    <message>
        <source>0, nothing comes after T</source>
        <translation>0，T 之后没有步骤</translation>
    </message>
    <message>
        <source>the gradient from step t+1</source>
        <translation>来自第 t+1 步的梯度</translation>
    </message>
    <message>
        <source>from this step&apos;s output</source>
        <translation>来自这一步的输出</translation>
    </message>
    <message>
        <source>0, o&lt;sub&gt;t&lt;/sub&gt; is unused for t &amp;lt; T</source>
        <translation>0，t &amp;lt; T 时 o&lt;sub&gt;t&lt;/sub&gt; 没有使用</translation>
    </message>
    <message>
        <source>Why {0} is not finite: {1}.</source>
        <translation>为什么 {0} 不是有限数：{1}。</translation>
    </message>
    <message>
        <source>Why {0} is 0: {1}.</source>
        <translation>为什么 {0} 为 0：{1}。</translation>
    </message>
    <message>
        <source>Backward pass done: the running sums are the gradients of L, summed over every step because {0} are shared by all {1} steps.</source>
        <translation>反向传播完成：累计和就是 L 的梯度，它们对每一步求和，因为 {0} 由全部 {1} 步共享。</translation>
    </message>
    <message>
        <source>running sum {0}</source>
        <translation>累计和 {0}</translation>
    </message>
    <message>
        <source>Step {0}&apos;s contributions to the shared parameters&apos; gradients</source>
        <translation>第 {0} 步对共享参数梯度的贡献</translation>
    </message>
    <message>
        <source>Step 1 adds 0 to dL/dW: its share is dL/da&lt;sub&gt;1&lt;/sub&gt; s&lt;sub&gt;0&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt; and s&lt;sub&gt;0&lt;/sub&gt; = 0.</source>
        <translation>第 1 步给 dL/dW 加上 0：它的份额是 dL/da&lt;sub&gt;1&lt;/sub&gt; s&lt;sub&gt;0&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;，而 s&lt;sub&gt;0&lt;/sub&gt; = 0。</translation>
    </message>
    <message>
        <source>norm {0}</source>
        <translation>范数 {0}</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>step t adds</source>
        <translation>第 t 步加上</translation>
    </message>
    <message>
        <source>its value</source>
        <translation>它的值</translation>
    </message>
    <message>
        <source>{0}: the gradient overflowed, and no rescaling can recover its direction; the trainer stops such a run and keeps the last good weights</source>
        <translation>{0}：梯度溢出了，任何重新缩放都无法恢复它的方向；训练器会停止这样的训练并保留最后一组正常的权重</translation>
    </message>
    <message>
        <source>{0}, so every gradient is multiplied by {1}</source>
        <translation>{0}，所以每个梯度都乘以 {1}</translation>
    </message>
    <message>
        <source>{0}: nothing to clip (factor 1)</source>
        <translation>{0}：无需裁剪（因子为 1）</translation>
    </message>
    <message>
        <source>Gradient clipping by global norm</source>
        <translation>按全局范数的梯度裁剪</translation>
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
        <source>{0}/{1}&amp;nbsp;next&amp;nbsp;words&amp;nbsp;right</source>
        <translation>下一个词预测正确&amp;nbsp;{0}/{1}</translation>
    </message>
    <message>
        <source>predicted: {0}</source>
        <translation>预测：{0}</translation>
    </message>
    <message>
        <source>(+{0} more)</source>
        <translation>（另外 {0} 个）</translation>
    </message>
    <message>
        <source>{0} unknown: {1}</source>
        <translation>{0} 个未登录词：{1}</translation>
    </message>
    <message>
        <source>{0} words the vocabulary does not know (read as &lt;oov&gt;):</source>
        <translation>{0} 个词表中没有的词（读作 &lt;oov&gt;）：</translation>
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
        <source>exercises follow the vanilla RNN&apos;s equations; this model is a gated {0} cell</source>
        <translation>练习针对的是普通 RNN 的方程；这个模型是门控的 {0} 单元</translation>
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
        <source>Traced as the model was trained: %n &lt;pad&gt; token(s) in front (&apos;pre&apos; padding to T = {0}); playback starts at the first word, t = {1}. Untick Padding to trace the words alone</source>
        <translation>
            <numerusform>按模型训练时的方式计算：前面加了 %n 个 &lt;pad&gt; 词元（“pre”填充到 T = {0}）；播放从第一个词 t = {1} 开始。取消勾选“填充”即可只计算这些词</numerusform>
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
    <message>
        <source>Compare cells: RNN, LSTM, GRU…</source>
        <translation>比较单元：RNN、LSTM、GRU…</translation>
    </message>
    <message>
        <source>The same sentence through the three cells, their gradients on one plot (Ctrl+K)</source>
        <translation>同一个句子经过这三种单元，它们的梯度画在同一张图上（Ctrl+K）</translation>
    </message>
    <message>
        <source>Ordinary network beside the RNN</source>
        <translation>在 RNN 旁显示普通神经网络</translation>
    </message>
    <message>
        <source>Show the ordinary network (a bag of embeddings) on the same sentence under the graph, in the plots&apos; place, with Shuffle words (Ctrl+B)</source>
        <translation>在计算图下方（曲线图的位置）显示同一句子上的普通神经网络（词嵌入平均模型），并可打乱词序（Ctrl+B）</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <source>Training data: &apos;imdb&apos; (50,000 movie reviews, positive or negative), &apos;memory&apos; (the first word decides the label, the rest is noise: shows vanishing gradients) or &apos;negation&apos; (short sentences where &apos;not&apos; flips the meaning, so word order matters).</source>
        <translation>训练数据：&apos;imdb&apos;（50,000 条影评，正面或负面）、&apos;memory&apos;（第一个词决定标签，其余是噪声：展示梯度消失）或 &apos;negation&apos;（短句中的“not”会翻转意思，所以词序很重要）。</translation>
    </message>
    <message>
        <source>IMDb vocabulary size: the most frequent training words get an index, every other word becomes the out-of-vocabulary token. Ids 0-2 are reserved (padding, start, out-of-vocabulary), so N-3 words get an id (from Keras&apos; imdb.npz N-4: its id 3 is unused). The built-in tasks have their own small vocabularies.</source>
        <translation>IMDb 词表大小：训练数据中最常见的词得到编号，其他每个词都变为未登录词词元。编号 0-2 是保留的（填充、起始、未登录词），所以有 N-3 个词得到编号（来自 Keras 的 imdb.npz 时为 N-4：它的编号 3 不用）。内置任务有自己的小词表。</translation>
    </message>
    <message>
        <source>Sequence length T: longer reviews keep their last maxlen tokens, shorter ones are padded with zeros in front (Keras&apos; &apos;pre&apos; padding). Training time grows linearly with it. For the memory task it is the distance the label must be remembered over.</source>
        <translation>序列长度 T：较长的影评保留最后 maxlen 个词元，较短的在前面用 0 填充（Keras 的“pre”填充）。训练时间随它线性增长。对记忆任务来说，它就是标签需要被记住的距离。</translation>
    </message>
    <message>
        <source>Size E of the word vectors x_t = E[token] fed to the recurrent layer.</source>
        <translation>输入循环层的词向量 x_t = E[token] 的维度 E（token 为词元的编号）。</translation>
    </message>
    <message>
        <source>Size H of the hidden state s_t = f(U x_t + W s_{t-1} + b).</source>
        <translation>隐藏状态 s_t = f(U x_t + W s_{t-1} + b) 的大小 H。</translation>
    </message>
    <message>
        <source>The recurrent cell: &apos;rnn&apos; (the vanilla s_t = f(U x_t + W s_{t-1} + b)), &apos;lstm&apos; (gates i, f, g, o and a cell state C_t that carries the gradient over long distances) or &apos;gru&apos; (gates r, z, n).</source>
        <translation>循环单元：&apos;rnn&apos;（普通的 s_t = f(U x_t + W s_{t-1} + b)）、&apos;lstm&apos;（门 i、f、g、o，以及把梯度带过长距离的细胞状态 C_t）或 &apos;gru&apos;（门 r、z、n）。</translation>
    </message>
    <message>
        <source>How an LSTM&apos;s or GRU&apos;s gate biases start: &apos;keras&apos; (forget bias 1, the Keras default) or &apos;chrono&apos; (biases that keep a memory for up to maxlen steps, Tallec &amp; Ollivier 2018: what a task with dependencies over hundreds of steps needs to start learning).</source>
        <translation>LSTM 或 GRU 的门偏置如何初始化：&apos;keras&apos;（遗忘门偏置为 1，Keras 的默认值）或 &apos;chrono&apos;（让记忆最多保持 maxlen 步的偏置，Tallec &amp; Ollivier 2018：依赖跨越数百步的任务需要它才能开始学习）。</translation>
    </message>
    <message>
        <source>The nonlinearity f of the hidden state: tanh (the Keras default), relu or linear.</source>
        <translation>隐藏状态的非线性激活函数 f：tanh（Keras 的默认值）、relu 或 linear。</translation>
    </message>
    <message>
        <source>How the gradient updates the weights: sgd, momentum (0.9), rmsprop (the Keras example&apos;s choice) or adam (the default: steadier on IMDb).</source>
        <translation>梯度如何更新权重：sgd、momentum（0.9）、rmsprop（Keras 示例的选择）或 adam（默认：在 IMDb 上更稳定）。</translation>
    </message>
    <message>
        <source>Learning rate: the size of each update step (the starting rate when lr_schedule is cosine).</source>
        <translation>学习率：每一步更新的大小（lr_schedule 为 cosine 时是起始学习率）。</translation>
    </message>
    <message>
        <source>Number of sequences per gradient step.</source>
        <translation>每次梯度更新所用的序列数。</translation>
    </message>
    <message>
        <source>Passes over the training part of the data. The weights of the epoch with the best validation accuracy are kept.</source>
        <translation>遍历训练数据的轮数。保留验证集准确率最好的那一轮的权重。</translation>
    </message>
    <message>
        <source>Fraction of the training set held out (after one seeded shuffle) to pick the best epoch, as Keras&apos; validation_split. The test set is never used for any choice.</source>
        <translation>从训练集中留出的比例（经过一次带种子的打乱之后），用于挑选最好的一轮，与 Keras 的 validation_split 相同。测试集从不用于任何选择。</translation>
    </message>
    <message>
        <source>Rescale the gradient whenever its global norm exceeds this value (empty = no clipping, as in Keras). Tames exploding gradients; 1.0 by default.</source>
        <translation>每当梯度的全局范数超过这个值时就重新缩放梯度（留空 = 不裁剪，与 Keras 相同）。可以抑制梯度爆炸；默认为 1.0。</translation>
    </message>
    <message>
        <source>Backpropagate through the last k time steps only (truncated BPTT); empty = full BPTT.</source>
        <translation>只在最后 k 个时间步上反向传播（截断的时间反向传播）；留空 = 完整的 BPTT。</translation>
    </message>
    <message>
        <source>Random seed of the initial weights, the validation split and the batch order: the same seed gives the same run.</source>
        <translation>初始权重、验证集划分和批次顺序的随机种子：同样的种子得到同样的训练过程。</translation>
    </message>
    <message>
        <source>How the learning rate changes during the run: &apos;cosine&apos; (the IMDb default) lowers it from lr along half a cosine to 0 at the last step (Keras&apos; CosineDecay), so the last epochs settle instead of jumping from epoch to epoch; &apos;constant&apos; keeps lr throughout (the Keras example).</source>
        <translation>训练过程中学习率如何变化：&apos;cosine&apos;（IMDb 的默认值）沿半个余弦从 lr 降到最后一步的 0（Keras 的 CosineDecay），让最后几轮趋于稳定，而不是一轮一轮地跳动；&apos;constant&apos; 始终保持 lr（Keras 示例）。</translation>
    </message>
    <message>
        <source>&apos;rnn&apos; (the default) or &apos;bag&apos;, the ordinary network beside it: the mean of the word embeddings -&gt; a dense layer with f -&gt; sigmoid. It sees which words occur, never their order.</source>
        <translation>&apos;rnn&apos;（默认）或 &apos;bag&apos;，即它旁边的普通神经网络：词嵌入的平均 -&gt; 带 f 的全连接层 -&gt; sigmoid。它只看出现了哪些词，从不看它们的顺序。</translation>
    </message>
    <message>
        <source>Word dropout against overfitting: in every training batch this fraction of the words (not padding or the start token) is replaced by the out-of-vocabulary token, so the model cannot lean on a few memorised words (Iyyer et al. 2015; Gal &amp; Ghahramani 2016). 0 = off (the Keras example). Validation and test see the reviews unchanged.</source>
        <translation>用词丢弃法对抗过拟合：在每个训练批次中，把这个比例的词（不包括填充和起始词元）替换为未登录词（词表外的词）词元，使模型无法依赖少数死记的词（Iyyer et al. 2015；Gal &amp; Ghahramani 2016）。0 = 关闭（Keras 示例）。验证和测试看到的影评不变。</translation>
    </message>
    <message>
        <source>Embedding dropout against overfitting: in every training batch this fraction of the vocabulary&apos;s word types is dropped, each occurrence replaced by the out-of-vocabulary token, so a dropped word is gone from the whole review (Gal &amp; Ghahramani 2016). 0 = off (the Keras example).</source>
        <translation>用词嵌入丢弃法对抗过拟合：在每个训练批次中，丢弃词表中这个比例的词型，它的每次出现都替换为未登录词词元，所以被丢弃的词在整条影评中都消失了（Gal &amp; Ghahramani 2016）。0 = 关闭（Keras 示例）。</translation>
    </message>
    <message>
        <source>Decoupled weight decay (AdamW, Loshchilov &amp; Hutter 2019): after every update the weights E, U, W and V shrink by lr x weight_decay of themselves, pulling rarely useful weights towards 0. 0 = off (the Keras example). The biases b and c are not decayed.</source>
        <translation>解耦的权重衰减（AdamW，Loshchilov &amp; Hutter 2019）：每次更新之后，权重 E、U、W 和 V 都缩小自身的 lr x weight_decay 倍，把很少有用的权重拉向 0。0 = 关闭（Keras 示例）。偏置 b 和 c 不衰减。</translation>
    </message>
    <message>
        <source>Output head: &apos;binary&apos; (many-to-one: sigmoid(o_T) after the last word is P(positive), against the sequence&apos;s label) or &apos;softmax&apos; (many-to-many: softmax(o_t) over the vocabulary at every step t predicts token t+1; built-in tasks only, as IMDb&apos;s 10,000 outputs at 500 steps would not fit in memory).</source>
        <translation>输出层：&apos;binary&apos;（多对一：最后一个词之后的 sigmoid(o_T) 就是 P(正面)，与序列的标签比较）或 &apos;softmax&apos;（多对多：每一步 t 上对词表的 softmax(o_t) 预测第 t+1 个词元；仅用于内置任务，因为 IMDb 的 10,000 个输出乘以 500 步放不进内存）。</translation>
    </message>
    <message>
        <source>Early stopping: end the run when validation accuracy has not improved for this many epochs (the best weights are kept either way). Empty = train all epochs.</source>
        <translation>早停：验证集准确率连续这么多轮没有提高时就结束训练（无论如何都保留最好的权重）。留空 = 训练完所有轮。</translation>
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
        <source>Untrained:</source>
        <translation>未训练：</translation>
    </message>
    <message>
        <source>The built-in model&apos;s starting weights, before any training: its prediction is not learnt. The trained model replaces them as soon as its kernels are compiled.</source>
        <translation>内置模型的初始权重，尚未经过任何训练：它的预测不是学到的。内核一编译好，训练好的模型就会替换它们。</translation>
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
    <name>GatedEquations</name>
    <message>
        <source>input gate: how much of the candidate g&lt;sub&gt;t&lt;/sub&gt; is written into the cell</source>
        <translation>输入门：候选值 g&lt;sub&gt;t&lt;/sub&gt; 有多少写入细胞</translation>
    </message>
    <message>
        <source>forget gate: how much of C&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; is kept (1 = all of it)</source>
        <translation>遗忘门：C&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; 保留多少（1 = 全部保留）</translation>
    </message>
    <message>
        <source>candidate: the new content, in (&amp;minus;1, 1)</source>
        <translation>候选值：新的内容，在 (&amp;minus;1, 1) 之间</translation>
    </message>
    <message>
        <source>output gate: how much of tanh(C&lt;sub&gt;t&lt;/sub&gt;) is shown as s&lt;sub&gt;t&lt;/sub&gt;</source>
        <translation>输出门：tanh(C&lt;sub&gt;t&lt;/sub&gt;) 有多少作为 s&lt;sub&gt;t&lt;/sub&gt; 输出</translation>
    </message>
    <message>
        <source>reset gate: how much of the recurrent part W&lt;sub&gt;n&lt;/sub&gt; s&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; + bW&lt;sub&gt;n&lt;/sub&gt; the candidate sees</source>
        <translation>重置门：候选值能看到多少循环部分 W&lt;sub&gt;n&lt;/sub&gt; s&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; + bW&lt;sub&gt;n&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>update gate: how much of s&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; is kept (1 = all of it)</source>
        <translation>更新门：s&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; 保留多少（1 = 全部保留）</translation>
    </message>
    <message>
        <source>Step {0} of {1} &amp;middot; T = {2} &amp;middot; H = {3} hidden units &amp;middot; {4} cell, gates {5}</source>
        <translation>第 {0} 步，共 {1} 步 &amp;middot; T = {2} &amp;middot; H = {3} 个隐藏单元 &amp;middot; {4} 单元，门 {5}</translation>
    </message>
    <message>
        <source>Gate {0}: {1}</source>
        <translation>门 {0}：{1}</translation>
    </message>
    <message>
        <source>Forward step t = {0}: {1}</source>
        <translation>前向步骤 t = {0}：{1}</translation>
    </message>
    <message>
        <source>Cell state and hidden state</source>
        <translation>细胞状态和隐藏状态</translation>
    </message>
    <message>
        <source>The cell state is changed only by &amp;#8857; and +, no matrix: where f &amp;asymp; 1 and i &amp;asymp; 0 it passes C&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; on unchanged, and its gradient with it.</source>
        <translation>细胞状态只被 &amp;#8857; 和 + 改变，没有矩阵：在 f &amp;asymp; 1 且 i &amp;asymp; 0 的地方，它把 C&lt;sub&gt;t&amp;minus;1&lt;/sub&gt; 原样传下去，它的梯度也随之原样传回。</translation>
    </message>
    <message>
        <source>Hidden state</source>
        <translation>隐藏状态</translation>
    </message>
    <message>
        <source>Where z &amp;asymp; 1 the unit copies s&lt;sub&gt;t&amp;minus;1&lt;/sub&gt;: its gradient goes back unchanged, with no W and no tanh&amp;prime; in the way.</source>
        <translation>在 z &amp;asymp; 1 的地方，单元复制 s&lt;sub&gt;t&amp;minus;1&lt;/sub&gt;：它的梯度原样传回，路上没有 W，也没有 tanh&amp;prime;。</translation>
    </message>
    <message>
        <source>Backward step t = {0}</source>
        <translation>反向步骤 t = {0}</translation>
    </message>
    <message>
        <source>what step {0} sends back</source>
        <translation>第 {0} 步传回的部分</translation>
    </message>
    <message>
        <source>output&apos;s share</source>
        <translation>输出的份额</translation>
    </message>
    <message>
        <source>future&apos;s share</source>
        <translation>后面各步的份额</translation>
    </message>
    <message>
        <source>The second term is the cell-state highway: the gradient reaches C&lt;sub&gt;t&lt;/sub&gt; scaled only by the forget gate, not by W and tanh&amp;prime; as in the vanilla RNN.</source>
        <translation>第二项是细胞状态的高速通道：梯度到达 C&lt;sub&gt;t&lt;/sub&gt; 时只被遗忘门缩放，而不像普通 RNN 那样被 W 和 tanh&amp;prime; 缩放。</translation>
    </message>
    <message>
        <source>{0} gets {1}</source>
        <translation>{0} 得到 {1}</translation>
    </message>
    <message>
        <source>the gates&apos; gradients</source>
        <translation>各门的梯度</translation>
    </message>
    <message>
        <source>future&apos;s share of {0}</source>
        <translation>{0} 中来自后面各步的份额</translation>
    </message>
    <message>
        <source>Gate {0}</source>
        <translation>门 {0}</translation>
    </message>
</context>
<context>
    <name>GradientControls</name>
    <message>
        <source>ρ(W): no single W in a gated cell</source>
        <translation>ρ(W)：门控单元中没有单一的 W</translation>
    </message>
    <message>
        <source>Spectral radius of the scaled W: its largest |eigenvalue|. Below 1 the gradient through many steps shrinks (vanishes), above 1 it can grow (explodes)</source>
        <translation>缩放后 W 的谱半径：它最大的 |特征值|。小于 1 时，经过许多步的梯度会缩小（消失），大于 1 时可能增大（爆炸）</translation>
    </message>
    <message>
        <source>Multiply the recurrent matrix W by this factor (the model itself is not changed)</source>
        <translation>把循环矩阵 W 乘以这个因子（模型本身不变）</translation>
    </message>
    <message>
        <source>W scale: W is multiplied by this number before tracing</source>
        <translation>W 缩放：计算之前把 W 乘以这个数</translation>
    </message>
    <message>
        <source>The hidden nonlinearity f in s_t = f(a_t). &apos;linear&apos; shows the effect of W alone: gradients scale like ρ(W)^(T-t)</source>
        <translation>s_t = f(a_t) 中隐藏层的非线性激活函数 f。“linear”只显示 W 本身的作用：梯度按 ρ(W)^(T-t) 缩放</translation>
    </message>
    <message>
        <source>as typed</source>
        <translation>按输入</translation>
    </message>
    <message>
        <source>Sequence length T: the sentence repeats (or is cut) to this many steps, the start token first. &apos;as typed&apos; uses the sentence as it is</source>
        <translation>序列长度 T：句子重复（或截断）到这么多步，起始词元在最前面。“按输入”使用句子原样</translation>
    </message>
    <message>
        <source>Pad as in training</source>
        <translation>按训练时填充</translation>
    </message>
    <message>
        <source>Put &lt;pad&gt; tokens in front up to the model&apos;s training length, as the trainer and the Test reviews table score every review (&apos;pre&apos; padding). Off: the sentence as typed, which can give another prediction (see Help)</source>
        <translation>在前面加上 &lt;pad&gt; 词元，直到模型训练时的长度，与训练器和“测试集影评”表格为每条影评打分的方式相同（“pre”填充）。关闭：使用输入的原句，可能给出不同的预测（见帮助）</translation>
    </message>
    <message>
        <source>Clip at global norm</source>
        <translation>按全局范数裁剪</translation>
    </message>
    <message>
        <source>Gradient clipping as the trainer does it: if ||g|| over all parameters exceeds the threshold, every gradient is scaled by threshold / ||g||</source>
        <translation>与训练器相同的梯度裁剪：如果所有参数上的 ||g|| 超过阈值，每个梯度都乘以 阈值 / ||g||</translation>
    </message>
    <message>
        <source>Clipping threshold for the global gradient norm</source>
        <translation>全局梯度范数的裁剪阈值</translation>
    </message>
    <message>
        <source>The global gradient norm before clipping and the factor clipping applies</source>
        <translation>裁剪前的全局梯度范数，以及裁剪所乘的因子</translation>
    </message>
    <message>
        <source>Vanishing demo</source>
        <translation>梯度消失演示</translation>
    </message>
    <message>
        <source>linear f, ρ(W) = 0.8, T = 40: the gradient reaching early steps shrinks like 0.8^(T-t)</source>
        <translation>linear f，ρ(W) = 0.8，T = 40：到达靠前步骤的梯度像 0.8^(T-t) 那样缩小</translation>
    </message>
    <message>
        <source>Exploding demo</source>
        <translation>梯度爆炸演示</translation>
    </message>
    <message>
        <source>linear f, ρ(W) = 1.2, T = 40: the gradient reaching early steps grows like 1.2^(T-t)</source>
        <translation>linear f，ρ(W) = 1.2，T = 40：到达靠前步骤的梯度像 1.2^(T-t) 那样增大</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the model&apos;s own W, activation and the sentence as typed; clipping off</source>
        <translation>恢复模型自己的 W、激活函数和输入的原句；关闭裁剪</translation>
    </message>
    <message>
        <source>Why gradients vanish or explode through time</source>
        <translation>为什么梯度会随时间消失或爆炸</translation>
    </message>
    <message>
        <source>W scale</source>
        <translation>W 缩放</translation>
    </message>
    <message>
        <source>Activation f</source>
        <translation>激活函数 f</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Clipping</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>Pad to T = {0} as in training</source>
        <translation>按训练时填充到 T = {0}</translation>
    </message>
    <message>
        <source>&lt; 1: shrinks</source>
        <translation>&lt; 1：缩小</translation>
    </message>
    <message>
        <source>&gt; 1: may explode</source>
        <translation>&gt; 1：可能爆炸</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <source>(label y = {0})</source>
        <translation>（标签 y = {0}）</translation>
    </message>
    <message>
        <source>✂ truncated BPTT (k = {0}): no gradient before t = {1}</source>
        <translation>✂ 截断的时间反向传播（k = {0}）：t = {1} 之前没有梯度</translation>
    </message>
    <message>
        <source>(the same matrix at every step)</source>
        <translation>（每一步都是同一个矩阵）</translation>
    </message>
    <message>
        <source>gradient carried back: {0} = {1}</source>
        <translation>传回的梯度：{0} = {1}</translation>
    </message>
    <message>
        <source>outside the truncated-BPTT window: no gradient flows here</source>
        <translation>在截断 BPTT 的窗口之外：这里没有梯度流过</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>t = {0} of {1} ({2}): “{3}”</source>
        <translation>t = {0} / {1}（{2}）：“{3}”</translation>
    </message>
    <message>
        <source>t = {0} of {1}: “{2}”</source>
        <translation>t = {0} / {1}：“{2}”</translation>
    </message>
    <message>
        <source>T = {0} steps</source>
        <translation>T = {0} 步</translation>
    </message>
    <message>
        <source>the same U, W, V at every step</source>
        <translation>每一步都是同样的 U、W、V</translation>
    </message>
    <message>
        <source>The gates of step {0}: not computed yet</source>
        <translation>第 {0} 步的门：尚未计算</translation>
    </message>
    <message>
        <source>{0} (all gates&apos; pre-activations) = {1}</source>
        <translation>{0}（所有门的激活前的值）= {1}</translation>
    </message>
    <message>
        <source>sₜ value</source>
        <translation>sₜ 的值</translation>
    </message>
    <message>
        <source>‖gradient‖</source>
        <translation>‖梯度‖</translation>
    </message>
    <message>
        <source>s₀ = 0 (the initial state)</source>
        <translation>s₀ = 0（初始状态）</translation>
    </message>
    <message>
        <source>{0}: not computed yet</source>
        <translation>{0}：尚未计算</translation>
    </message>
    <message>
        <source>“{0}” is not in the vocabulary, so {1} is the &lt;oov&gt; row</source>
        <translation>“{0}”不在词表中，所以 {1} 是 &lt;oov&gt; 那一行</translation>
    </message>
    <message>
        <source>{0} = embedding of “{1}” (token {2})</source>
        <translation>{0} = “{1}”的词嵌入（词元 {2}）</translation>
    </message>
    <message>
        <source>ŷ: class {0} ({1})</source>
        <translation>ŷ：类别 {0}（{1}）</translation>
    </message>
    <message>
        <source>{0} &lt;pad&gt; tokens in front of the words: the input is &apos;pre&apos; padded to the length the model was trained on, as the trainer and the Test reviews table score it. Click to show or hide them; untick Padding to trace the words alone</source>
        <translation>词前面有 {0} 个 &lt;pad&gt; 词元：输入按“pre”方式填充到模型训练时的长度，与训练器和“测试集影评”表格打分的方式相同。点击可显示或隐藏它们；取消勾选“填充”即可只计算这些词</translation>
    </message>
    <message>
        <source>click to hide</source>
        <translation>点击隐藏</translation>
    </message>
    <message>
        <source>click to show</source>
        <translation>点击显示</translation>
    </message>
    <message>
        <source>{0} × &lt;pad&gt;  (steps 1–{0}, &apos;pre&apos; padding as in training; {1})</source>
        <translation>{0} × &lt;pad&gt;（第 1–{0} 步，与训练时一样的“pre”填充；{1}）</translation>
    </message>
</context>
<context>
    <name>HeatScale</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>symmetric log</source>
        <translation>对称对数</translation>
    </message>
    <message>
        <source>per step t</source>
        <translation>按时间步 t</translation>
    </message>
    <message>
        <source>auto: </source>
        <translation>自动：</translation>
    </message>
    <message>
        <source>colour: every s_t is 0</source>
        <translation>颜色：每个 s_t 都是 0</translation>
    </message>
    <message>
        <source>colour symmetric log, ±{0}</source>
        <translation>颜色对称对数，±{0}</translation>
    </message>
    <message>
        <source>colour per step: each s_t to its own max |s_t|</source>
        <translation>颜色按时间步：每个 s_t 按它自己的最大 |s_t|</translation>
    </message>
    <message>
        <source>colour ±{0}</source>
        <translation>颜色 ±{0}</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <source>Gradient per time step over training: log10 ||dL/ds_t||</source>
        <translation>训练过程中每个时间步的梯度：log10 ||dL/ds_t||</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>时间步 t</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>steps {0}–{1}</source>
        <translation>第 {0}–{1} 步</translation>
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
    <name>Hyperparams</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Sequence length T (maxlen)</source>
        <translation>序列长度 T（maxlen）</translation>
    </message>
    <message>
        <source>Embedding size E</source>
        <translation>词嵌入维度 E</translation>
    </message>
    <message>
        <source>Hidden size H</source>
        <translation>隐藏层大小 H</translation>
    </message>
    <message>
        <source>Activation f</source>
        <translation>激活函数 f</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Clip gradient norm at</source>
        <translation>梯度范数裁剪阈值</translation>
    </message>
    <message>
        <source>Truncate BPTT to k steps</source>
        <translation>截断 BPTT 到 k 步</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Word dropout</source>
        <translation>词丢弃法（word dropout）</translation>
    </message>
    <message>
        <source>Embedding dropout</source>
        <translation>词嵌入丢弃法（embedding dropout）</translation>
    </message>
    <message>
        <source>Weight decay (AdamW)</source>
        <translation>权重衰减（AdamW）</translation>
    </message>
    <message>
        <source>Early stop after (epochs)</source>
        <translation>早停（轮数）</translation>
    </message>
    <message>
        <source>Cell (RNN / LSTM / GRU)</source>
        <translation>单元（RNN / LSTM / GRU）</translation>
    </message>
    <message>
        <source>Gate biases at the start</source>
        <translation>门偏置的初始值</translation>
    </message>
    <message>
        <source>RNN (recurrent)</source>
        <translation>RNN（循环神经网络）</translation>
    </message>
    <message>
        <source>Ordinary network (bag of embeddings)</source>
        <translation>普通神经网络（词嵌入平均模型）</translation>
    </message>
    <message>
        <source>RNN: reads the words one after another, a_t = U x_t + W s_{t-1} + b, s_t = f(a_t), and classifies from the last state s_T: word order matters.</source>
        <translation>RNN：逐个读入单词，a_t = U x_t + W s_{t-1} + b，s_t = f(a_t)，并根据最后的状态 s_T 分类：词序有影响。</translation>
    </message>
    <message>
        <source>Ordinary network: averages the word embeddings, x̄ = mean of x_t, then one dense layer s = f(U x̄ + b) and sigmoid(V s + c). It sees which words occur, never their order: &quot;not good, bad&quot; and &quot;not bad, good&quot; look the same to it.</source>
        <translation>普通神经网络：对词嵌入取平均，x̄ = x_t 的均值，然后经过一个全连接层 s = f(U x̄ + b) 和 sigmoid(V s + c)。它只看到出现了哪些词，从不看词序：“not good, bad”和“not bad, good”在它看来是一样的。</translation>
    </message>
    <message>
        <source>Off for the ordinary network: it has no recurrent cell. It averages the words and applies one dense layer, so there is no RNN, LSTM or GRU step to choose.</source>
        <translation>普通神经网络不使用此项：它没有循环单元。它对单词取平均，再经过一个全连接层，所以没有 RNN、LSTM 或 GRU 的时间步可选。</translation>
    </message>
    <message>
        <source>Off for the ordinary network: it has no gates (no LSTM or GRU cell).</source>
        <translation>普通神经网络不使用此项：它没有门（没有 LSTM 或 GRU 单元）。</translation>
    </message>
    <message>
        <source>Off for the ordinary network: it has no steps to backpropagate through. The gradient reaches every word&apos;s embedding directly through the mean, so there is no BPTT to truncate.</source>
        <translation>普通神经网络不使用此项：它没有可以反向传播穿过的时间步。梯度经由平均值直接到达每个词的词嵌入，所以没有可截断的时间反向传播（BPTT）。</translation>
    </message>
    <message>
        <source>Size E of the word vectors x_t = E[token]; the ordinary network averages them into one vector x̄.</source>
        <translation>词向量 x_t = E[token]（每个词元一个）的维度 E；普通神经网络把它们平均成一个向量 x̄。</translation>
    </message>
    <message>
        <source>Size H of the ordinary network&apos;s dense hidden layer s = f(U x̄ + b), computed once per review (no W, no s_{t-1}).</source>
        <translation>普通神经网络的全连接隐藏层 s = f(U x̄ + b) 的大小 H，每条影评只计算一次（没有 W，也没有 s_{t-1}）。</translation>
    </message>
    <message>
        <source>Plain Keras recipe</source>
        <translation>原始 Keras 配方</translation>
    </message>
    <message>
        <source>Set the fields to the Keras SimpleRNN example: rmsprop, no clipping, a constant rate, no word dropout, weight decay or early stop.</source>
        <translation>把各项设为 Keras SimpleRNN 示例的值：rmsprop，不裁剪，恒定学习率，不使用词丢弃法、权重衰减或早停。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
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
        <source>Any sentence: it is split into words with the model&apos;s tokeniser; words the vocabulary does not know become &lt;oov&gt;. Enter applies it.
The model reads at most {0} words (a longer text keeps its last {0}, as in training); the box holds up to {1} characters.</source>
        <translation>任意句子：用模型的分词器切分成词；词表里没有的词变为 &lt;oov&gt;。按 Enter 应用。
模型最多读取 {0} 个词（更长的文本保留最后 {0} 个，与训练时相同）；输入框最多容纳 {1} 个字符。</translation>
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
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Start rnnviz again now, in {0}? Your sentence, model and lesson progress are kept.</source>
        <translation>现在以{0}重新启动 rnnviz？当前的句子、模型和课程进度都会保留。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
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
        <source>the ordinary network beside the RNN, under the graph</source>
        <translation>计算图下方、RNN 旁边的普通神经网络</translation>
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
    <name>LivePlot</name>
    <message>
        <source>Press Start: this fills in as the model trains</source>
        <translation>按“开始”：模型训练时这里会逐渐填满</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>导出{0}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write {0}:
{1}

Choose another folder or free some disk space.</source>
        <translation>无法写入 {0}：
{1}

请选择其他文件夹或释放一些磁盘空间。</translation>
    </message>
    <message>
        <source>Export image (PNG)…</source>
        <translation>导出图像（PNG）…</translation>
    </message>
    <message>
        <source>Export drawing (SVG)…</source>
        <translation>导出矢量图（SVG）…</translation>
    </message>
    <message>
        <source>Export data (CSV)…</source>
        <translation>导出数据（CSV）…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save this plot as PNG or SVG, or its data as CSV</source>
        <translation>把这张图保存为 PNG 或 SVG，或把它的数据保存为 CSV</translation>
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
        <source>Could not show the model</source>
        <translation>无法显示模型</translation>
    </message>
    <message>
        <source>{0} cannot be traced: {1}</source>
        <translation>无法计算 {0}：{1}</translation>
    </message>
    <message>
        <source>Building the built-in model: {0}, H = {1} (trained once, then cached)…</source>
        <translation>正在构建内置模型：{0}，H = {1}（只训练一次，之后使用缓存）…</translation>
    </message>
    <message>
        <source>Training the built-in model for the first time: its kernels compile in the background (once). Meanwhile the graph shows its untrained starting weights.</source>
        <translation>正在首次训练内置模型：其内核在后台编译（只需一次）。在此期间，计算图显示的是它未训练的初始权重。</translation>
    </message>
    <message>
        <source>The built-in model is trained (choose it under Task to see it); the model you opened stays shown</source>
        <translation>内置模型已训练好（在“任务”中选择即可查看）；仍显示你打开的模型</translation>
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
    <name>ModelControls</name>
    <message>
        <source>Hidden units H of the built-in model: it is trained again (a fraction of a second, then cached) with this many units. Small H keeps the numbers checkable by hand</source>
        <translation>内置模型的隐藏单元数 H：用这么多单元重新训练（不到一秒，之后使用缓存）。H 小时，数字便于手工核对</translation>
    </message>
    <message>
        <source>Hidden size is fixed by training: this model was trained with H = {h}. To explore another size, train a new model on the Train page (or pick a built-in task)</source>
        <translation>隐藏层大小由训练决定：这个模型是用 H = {h} 训练的。要探索其他大小，请在“训练”页训练一个新模型（或选择一个内置任务）</translation>
    </message>
    <message>
        <source>Many-to-one: one sentiment prediction from o_T, the loss at the end. Many-to-many: at every step o_t predicts the next word, a loss L_t per step</source>
        <translation>多对一：由 o_T 给出一个情感预测，损失在最后。多对多：每一步的 o_t 预测下一个词，每一步有一个损失 L_t</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>This model (many-to-one)</source>
        <translation>当前模型（多对一）</translation>
    </message>
    <message>
        <source>This model (many-to-many)</source>
        <translation>当前模型（多对多）</translation>
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
        <source>{0} cannot be shown: {1}.</source>
        <translation>无法显示 {0}：{1}。</translation>
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
    <message>
        <source>no model file at {0}</source>
        <translation>{0} 处没有模型文件</translation>
    </message>
    <message>
        <source>{0} is damaged or not an rnnviz model file: it claims arrays larger than this computer&apos;s memory</source>
        <translation>{0} 已损坏或不是 rnnviz 模型文件：它声称的数组比这台计算机的内存还大</translation>
    </message>
    <message>
        <source>{0} is damaged or not an rnnviz model file ({1})</source>
        <translation>{0} 已损坏或不是 rnnviz 模型文件（{1}）</translation>
    </message>
    <message>
        <source>{0} is damaged or not an rnnviz model file ({1}: {2})</source>
        <translation>{0} 已损坏或不是 rnnviz 模型文件（{1}：{2}）</translation>
    </message>
    <message>
        <source>{0}: the training history is not a JSON object</source>
        <translation>{0}：训练历史不是 JSON 对象</translation>
    </message>
    <message>
        <source>{0} is a single array, not an rnnviz model file (.npz)</source>
        <translation>{0} 是单个数组，不是 rnnviz 模型文件（.npz）</translation>
    </message>
    <message>
        <source>{0} is not an rnnviz model: it has no {1}</source>
        <translation>{0} 不是 rnnviz 模型：它没有 {1}</translation>
    </message>
    <message>
        <source>{0}: the header is not JSON text</source>
        <translation>{0}：文件头不是 JSON 文本</translation>
    </message>
    <message>
        <source>{0}: the header is not valid JSON ({1})</source>
        <translation>{0}：文件头不是有效的 JSON（{1}）</translation>
    </message>
    <message>
        <source>{0} is not an rnnviz model file (header format {1!r})</source>
        <translation>{0} 不是 rnnviz 模型文件（文件头格式为 {1!r}）</translation>
    </message>
    <message>
        <source>{0} has model format version {1!r}; this rnnviz reads versions {2}. Retrain the model or open it with the rnnviz that saved it.</source>
        <translation>{0} 的模型格式版本是 {1!r}；这个 rnnviz 读取版本 {2}。请重新训练模型，或用保存它的那个 rnnviz 打开。</translation>
    </message>
    <message>
        <source>{0}: the header&apos;s output_dim must be a whole number, got {1!r}</source>
        <translation>{0}：文件头的 output_dim 必须是整数，实际为 {1!r}</translation>
    </message>
    <message>
        <source>{0}: unknown output head {1!r}; rnnviz models have a {2} head</source>
        <translation>{0}：未知的输出头 {1!r}；rnnviz 模型的输出头是 {2}</translation>
    </message>
    <message>
        <source>{0}: the binary head has one output (V (1, H), c (1,)), but the model has {1}</source>
        <translation>{0}：二分类输出头只有一个输出（V (1, H)，c (1,)），但模型有 {1} 个</translation>
    </message>
    <message>
        <source>{0}: the softmax head needs at least 2 classes (V (K, H), c (K,)), but the model has {1}</source>
        <translation>{0}：softmax 输出头至少需要 2 个类别（V (K, H)，c (K,)），但模型只有 {1} 个</translation>
    </message>
    <message>
        <source>{0}: the saved config is invalid: {1}</source>
        <translation>{0}：保存的配置无效：{1}</translation>
    </message>
    <message>
        <source>{0}: the saved vocabulary is invalid: {1}</source>
        <translation>{0}：保存的词表无效：{1}</translation>
    </message>
    <message>
        <source>{0}: the {1} model needs the weights {2}, the file has {3}</source>
        <translation>{0}：{1} 模型需要权重 {2}，文件中有 {3}</translation>
    </message>
    <message>
        <source>{0}: weights must all be float32 or all float64, got {1}</source>
        <translation>{0}：权重必须全是 float32 或全是 float64，实际为 {1}</translation>
    </message>
    <message>
        <source>{0}: weight {1} has shape {2}, but the saved config (vocabulary {3}, embed_dim {4}, hidden_dim {5}) and the {6} head with output size {7} need {8}</source>
        <translation>{0}：权重 {1} 的形状是 {2}，但保存的配置（词表 {3}、embed_dim {4}、hidden_dim {5}）和输出大小为 {7} 的 {6} 输出头需要 {8}</translation>
    </message>
    <message>
        <source>{0}: weight {1} contains NaN or infinite values</source>
        <translation>{0}：权重 {1} 含有 NaN 或无穷大的值</translation>
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
    <name>ModelKind</name>
    <message>
        <source>The ordinary network has no steps: it averages the words. So there is no W to take the spectral radius of, and no hidden state s_t whose gradient ||dL/ds_t|| could vanish over time: those two plots are for RNN runs. Loss, accuracy and the gradient norm work the same for both.</source>
        <translation>普通神经网络没有时间步：它对单词取平均。因此没有可以求谱半径的 W，也没有其梯度 ||dL/ds_t|| 会随时间消失的隐藏状态 s_t：这两张图只用于 RNN 的训练。损失、准确率和梯度范数对两者都一样适用。</translation>
    </message>
    <message>
        <source>Not shown on the Explore page: Explore steps through an RNN&apos;s time steps, and the ordinary network has none (it averages the words). Its predictions are under Test reviews; compare its test accuracy with the RNN runs under Runs.</source>
        <translation>不在“探索”页显示：“探索”页逐个时间步地展示 RNN，而普通神经网络没有时间步（它对单词取平均）。它的预测在“测试集影评”中；在“训练记录”中把它的测试准确率与 RNN 的训练结果比较。</translation>
    </message>
    <message>
        <source>The ordinary network has no steps to trace in the graph (it averages the words); the table shows its prediction for every review.</source>
        <translation>普通神经网络没有可在计算图中追踪的时间步（它对单词取平均）；表格显示它对每条影评的预测。</translation>
    </message>
    <message>
        <source>ordinary network</source>
        <translation>普通神经网络</translation>
    </message>
    <message>
        <source>RNN ({0})</source>
        <translation>RNN（{0}）</translation>
    </message>
    <message>
        <source>ordinary network (bag of embeddings)</source>
        <translation>普通神经网络（词嵌入平均模型）</translation>
    </message>
    <message>
        <source>RNN, cell {0}</source>
        <translation>RNN，单元 {0}</translation>
    </message>
    <message>
        <source>No run yet: the plots fill in when you press Start.</source>
        <translation>还没有训练：按“开始”后曲线会逐步画出。</translation>
    </message>
    <message>
        <source>Run {0}: {1} on {2}</source>
        <translation>第 {0} 次训练：{1}，数据 {2}</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0}，数据 {1}</translation>
    </message>
    <message>
        <source>Test accuracy: {0}</source>
        <translation>测试准确率：{0}</translation>
    </message>
    <message>
        <source>Best validation accuracy {0} at epoch {1} of {2} (its weights are kept)</source>
        <translation>最佳验证准确率 {0}，在第 {1} 轮（共 {2} 轮），保留该轮的权重</translation>
    </message>
    <message>
        <source>No epoch finished: nothing was validated</source>
        <translation>没有完成任何一轮：没有进行验证</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>The Explore page shows this model.</source>
        <translation>“探索”页显示的是这个模型。</translation>
    </message>
</context>
<context>
    <name>Ordinary</name>
    <message>
        <source>Train one on the Train page (Model: Ordinary network (bag of embeddings)) on the same data and vocabulary; it is saved in your data folder and found here.</source>
        <translation>请在“训练”页用相同的数据和词表训练一个（模型：普通神经网络（词嵌入平均模型））；它会保存在你的数据文件夹中，并在这里被找到。</translation>
    </message>
    <message>
        <source>This model predicts the next word at every step; the ordinary network gives one P(positive) for the whole sentence. Choose the task Sentiment (many-to-one) to compare.</source>
        <translation>这个模型在每个时间步预测下一个词；普通神经网络对整个句子只给出一个 P(正面)。请选择任务“情感分类（多对一）”来比较。</translation>
    </message>
    <message>
        <source>The RNN shown has its untrained starting weights while the built-in model trains for the first time. The comparison opens when the trained model replaces them.</source>
        <translation>当前显示的 RNN 仍是未训练的初始权重，内置模型正在进行首次训练。训练好的模型替换它们之后，才能进行比较。</translation>
    </message>
    <message>
        <source>the built-in ordinary network: trained on the same negation task, same vocabulary, H = {0}</source>
        <translation>内置的普通神经网络：在同一个否定任务上训练，词表相同，H = {0}</translation>
    </message>
    <message>
        <source>No ordinary network is known to have learnt what this model learnt ({0}): it has no training record. Choose the built-in model (Task: Sentiment (many-to-one)) to compare.</source>
        <translation>不知道哪个普通神经网络学过这个模型所学的内容（{0}）：它没有训练记录。请选择内置模型（任务：情感分类（多对一））来比较。</translation>
    </message>
    <message>
        <source>the ordinary network saved as {0}: trained on {1} with the same vocabulary, H = {2}</source>
        <translation>保存为 {0} 的普通神经网络：在 {1} 上训练，词表相同，H = {2}</translation>
    </message>
    <message>
        <source>the built-in ordinary network: trained on the negation task with the same vocabulary, H = {0}</source>
        <translation>内置的普通神经网络：在否定任务上训练，词表相同，H = {0}</translation>
    </message>
    <message>
        <source>No ordinary network trained on {0} with this model&apos;s vocabulary was found.</source>
        <translation>没有找到在 {0} 上用这个模型的词表训练的普通神经网络。</translation>
    </message>
    <message>
        <source>One word has no other order: type a sentence of two or more words.</source>
        <translation>一个词没有别的顺序：请输入两个或更多词的句子。</translation>
    </message>
    <message>
        <source>Every word is the same, so every order is the same sentence.</source>
        <translation>每个词都相同，所以任何顺序都是同一个句子。</translation>
    </message>
    <message>
        <source>A reordering must use the same words as the sentence.</source>
        <translation>重新排序必须使用与句子相同的词。</translation>
    </message>
    <message>
        <source>The RNN&apos;s numbers are those of the graph: W × {0}, f = {1}.</source>
        <translation>RNN 的数值与计算图一致：W × {0}，f = {1}。</translation>
    </message>
    <message>
        <source>Padding: the RNN reads {0} &lt;pad&gt; tokens first; the ordinary network leaves them out of its mean.</source>
        <translation>填充：RNN 先读入 {0} 个 &lt;pad&gt; 词元；普通神经网络求平均时不计它们。</translation>
    </message>
    <message>
        <source>Unknown words, read as &lt;oov&gt; by both networks: {0}.</source>
        <translation>未登录词，两个网络都读作 &lt;oov&gt;：{0}。</translation>
    </message>
    <message>
        <source>Looking for the ordinary network that goes with this model (the built-in one trains in a few seconds the first time)…</source>
        <translation>正在查找与这个模型配套的普通神经网络（内置的那个第一次需要训练几秒钟）…</translation>
    </message>
    <message>
        <source>Beside it: {0}.</source>
        <translation>旁边是：{0}。</translation>
    </message>
    <message>
        <source>Cannot trace this input: {0}</source>
        <translation>无法计算这个输入：{0}</translation>
    </message>
    <message>
        <source>Finding the ordinary network</source>
        <translation>查找普通神经网络</translation>
    </message>
</context>
<context>
    <name>OrdinaryPanel</name>
    <message>
        <source>The ordinary network (a bag of embeddings) on the Explore sentence: every word goes straight into the mean x̄; wheel to zoom, drag to pan</source>
        <translation>“探索”页句子上的普通神经网络（词嵌入平均模型）：每个词直接进入平均值 x̄；滚轮缩放，拖动平移</translation>
    </message>
    <message>
        <source>P(positive)</source>
        <translation>P(正面)</translation>
    </message>
    <message>
        <source>The ordinary network is a bag of embeddings: the mean of the word vectors → one dense layer → P(positive). It sees which words occur, never their order</source>
        <translation>普通神经网络是词嵌入平均模型：词向量的平均 → 一个全连接层 → P(正面)。它只看到出现了哪些词，从不看词序</translation>
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
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <source>Ordinary network</source>
        <translation>普通神经网络</translation>
    </message>
    <message>
        <source>its logit o</source>
        <translation>它的 logit o</translation>
    </message>
    <message>
        <source>Shuffle words</source>
        <translation>打乱词序</translation>
    </message>
    <message>
        <source>Put the Explore sentence&apos;s words in another order: the graph, the BPTT panel, the plots and this panel all show the shuffled sentence</source>
        <translation>把“探索”页句子的词换一个顺序：计算图、手算 BPTT 面板、曲线图和这个面板都显示打乱后的句子</translation>
    </message>
    <message>
        <source>Not the same words: the sequence length or the cut to the training length keeps other words after the shuffle, so the mean changes too. Set Sequence length to &apos;as typed&apos; to compare orders.</source>
        <translation>不是相同的词：序列长度或截断到训练长度后，打乱后保留的是别的词，所以平均值也会变。请把“序列长度”设为“按输入”再比较词序。</translation>
    </message>
    <message>
        <source>Restore order</source>
        <translation>恢复原顺序</translation>
    </message>
    <message>
        <source>Back to the sentence as written</source>
        <translation>回到原来的句子</translation>
    </message>
    <message>
        <source>The ordinary network appears when the model is ready…</source>
        <translation>模型就绪后会显示普通神经网络…</translation>
    </message>
    <message>
        <source>Predict first, then press Shuffle words: which output will change, the {0}&apos;s or the ordinary network&apos;s?</source>
        <translation>先预测，再按“打乱词序”：哪个输出会变，{0} 的还是普通神经网络的？</translation>
    </message>
    <message>
        <source>As written: {0}</source>
        <translation>原顺序：{0}</translation>
    </message>
    <message>
        <source>Shuffled: {0}</source>
        <translation>打乱后：{0}</translation>
    </message>
    <message>
        <source>Ordinary network: o equal to the last digit (same words, same mean).</source>
        <translation>普通神经网络：o 每一位都相同（相同的词，相同的平均值）。</translation>
    </message>
    <message>
        <source>Ordinary network: o changed by {0}.</source>
        <translation>普通神经网络：o 变化了 {0}。</translation>
    </message>
    <message>
        <source>{0}: unchanged for this order.</source>
        <translation>{0}：对这个顺序没有变化。</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}; its W edges from step to step carry the order.</source>
        <translation>{0}：{1} → {2}；它在时间步之间的 W 边携带了顺序。</translation>
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
    <name>PlotsPanel</name>
    <message>
        <source>Plots of the current trace; the red line is the current step. Click a plot to jump to that time step</source>
        <translation>当前计算的曲线图；红线是当前步骤。点击曲线图可跳到那个时间步</translation>
    </message>
    <message>
        <source>‖dL/ds&lt;sub&gt;t&lt;/sub&gt;‖ (log)</source>
        <translation>‖dL/ds&lt;sub&gt;t&lt;/sub&gt;‖（对数）</translation>
    </message>
    <message>
        <source>hidden state s&lt;sub&gt;t&lt;/sub&gt; (unit × t)</source>
        <translation>隐藏状态 s&lt;sub&gt;t&lt;/sub&gt;（单元 × t）</translation>
    </message>
    <message>
        <source>step t&apos;s share of dL/dW (log)</source>
        <translation>第 t 步在 dL/dW 中的份额（对数）</translation>
    </message>
    <message>
        <source>What these plots show about vanishing and exploding gradients</source>
        <translation>这些曲线图显示了梯度消失与梯度爆炸的什么</translation>
    </message>
    <message>
        <source>Gradients through time</source>
        <translation>随时间的梯度</translation>
    </message>
    <message>
        <source>s_t colour: {0}</source>
        <translation>s_t 颜色：{0}</translation>
    </message>
    <message>
        <source>Colour scale of the hidden-state heatmap. linear: ±the largest |s_t[i]|; symmetric log: sign and order of magnitude, so one exploded step does not blank the rest; per step t: each column to its own largest entry; auto: symmetric log when the values span more than two orders of magnitude</source>
        <translation>隐藏状态热图的颜色刻度。线性：± 最大的 |s_t[i]|；对称对数：符号和数量级，这样一个爆炸的步骤不会让其余部分变成空白；按时间步 t：每一列按它自己的最大分量；自动：数值跨越两个以上数量级时使用对称对数</translation>
    </message>
    <message>
        <source>every ‖dL/ds_t‖ is 0 or inf:
see the note below</source>
        <translation>每个 ‖dL/ds_t‖ 都是 0 或 inf：
请看下面的说明</translation>
    </message>
    <message>
        <source>every share is 0 or inf:
see the note below</source>
        <translation>每个份额都是 0 或 inf：
请看下面的说明</translation>
    </message>
    <message>
        <source>hidden state s&lt;sub&gt;t&lt;/sub&gt; (unit × t), {0}</source>
        <translation>隐藏状态 s&lt;sub&gt;t&lt;/sub&gt;（单元 × t），{0}</translation>
    </message>
    <message>
        <source>t = {0}: ‖dL/ds_t‖ = {1}, step&apos;s share of dL/dW = {2}, s_t = [{3}]</source>
        <translation>t = {0}：‖dL/ds_t‖ = {1}，该步在 dL/dW 中的份额 = {2}，s_t = [{3}]</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <source>All reviews</source>
        <translation>所有影评</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>Predicted right</source>
        <translation>预测正确</translation>
    </message>
    <message>
        <source>Predicted wrong</source>
        <translation>预测错误</translation>
    </message>
    <message>
        <source>True label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>影评</translation>
    </message>
    <message>
        <source>Filter: words in the review…</source>
        <translation>筛选：影评中的词…</translation>
    </message>
    <message>
        <source>Show in graph</source>
        <translation>在计算图中显示</translation>
    </message>
    <message>
        <source>Trace the selected review in the graph, &apos;pre&apos; padded to the training length as this table scores it (double-click works too)</source>
        <translation>在计算图中计算选中的影评，按这个表格打分的方式“pre”填充到训练时的长度（双击也可以）</translation>
    </message>
    <message>
        <source>Predicting the test reviews</source>
        <translation>预测测试集影评</translation>
    </message>
    <message>
        <source>Predicting the test reviews…</source>
        <translation>正在预测测试集影评…</translation>
    </message>
    <message>
        <source>Predicting the test reviews… {0} of {1}</source>
        <translation>正在预测测试集影评… {0} / {1}</translation>
    </message>
    <message>
        <source>{0} of {1} test reviews</source>
        <translation>{1} 条测试集影评中的 {0} 条</translation>
    </message>
    <message>
        <source>model accuracy on all {0}: {1}%</source>
        <translation>模型在全部 {0} 条上的准确率：{1}%</translation>
    </message>
    <message>
        <source>train or load a model to see its predictions</source>
        <translation>训练或加载一个模型即可看到它的预测</translation>
    </message>
    <message>
        <source>the chosen model was trained on other data ({0}, T = {1}): train once on its data to review it here</source>
        <translation>所选模型是在其他数据上训练的（{0}，T = {1}）：在它的数据上训练一次后，才能在这里查看它对这些影评的预测</translation>
    </message>
    <message>
        <source>ordinary network: predictions only, no trace in the graph</source>
        <translation>普通神经网络：只有预测，不在计算图中追踪</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负面</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Best validation (epoch)</source>
        <translation>最佳验证准确率（轮）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>(not saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Review its test predictions</source>
        <translation>查看它对测试集影评的预测</translation>
    </message>
    <message>
        <source>Show the selected run&apos;s prediction for every test review on the Test reviews tab (its data must be the data loaded now)</source>
        <translation>在“测试集影评”页显示所选训练结果对每条测试影评的预测（它的数据必须是当前已加载的数据）</translation>
    </message>
    <message>
        <source>Explore this model</source>
        <translation>在“探索”页查看这个模型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the models folder again</source>
        <translation>重新读取模型文件夹</translation>
    </message>
    <message>
        <source>Every saved run, newest first: the window saves each run it trains, and `main.py train` saves its runs here too. Compare the ordinary network&apos;s test accuracy with the RNNs&apos; on the same data.</source>
        <translation>所有已保存的训练结果，最新的在前：窗口会保存它训练的每个模型，`main.py train` 也把结果保存在这里。在同一数据上比较普通神经网络与 RNN 的测试准确率。</translation>
    </message>
    <message>
        <source>Reading the saved runs</source>
        <translation>正在读取已保存的训练结果</translation>
    </message>
    <message>
        <source>Reading the saved runs…</source>
        <translation>正在读取已保存的训练结果…</translation>
    </message>
    <message>
        <source>Not for the ordinary network: the Explore page steps through an RNN&apos;s time steps, and it has none (it averages the words).</source>
        <translation>不适用于普通神经网络：“探索”页逐个时间步地展示 RNN，而它没有时间步（它对单词取平均）。</translation>
    </message>
    <message>
        <source>The selected run is an ordinary network: it is not opened on the Explore page, which steps through an RNN&apos;s time steps, and it has none (it averages the words). Review its test predictions instead.</source>
        <translation>所选的是普通神经网络：它不会在“探索”页打开，因为“探索”页逐个时间步地展示 RNN，而它没有时间步（它对单词取平均）。请改为查看它对测试集影评的预测。</translation>
    </message>
    <message>
        <source>Show the selected RNN on the Explore page</source>
        <translation>在“探索”页显示所选的 RNN</translation>
    </message>
    <message>
        <source>This file could not be read: {0}</source>
        <translation>无法读取此文件：{0}</translation>
    </message>
    <message>
        <source>No saved runs yet. Each run you train here (and each `main.py train` run) is saved and listed here, newest first.</source>
        <translation>还没有保存的训练记录。你在这里训练的每一次（以及每次 `main.py train`）都会被保存并列在这里，最新的在最前。</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>no weights to save</source>
        <translation>没有可保存的权重</translation>
    </message>
    <message>
        <source>could not save the model to {0}: {1}</source>
        <translation>无法把模型保存到 {0}：{1}</translation>
    </message>
    <message>
        <source>Saved to {0} (listed on the Runs tab).</source>
        <translation>已保存到 {0}（列在“训练记录”中）。</translation>
    </message>
    <message>
        <source>Saved to {0} (File &gt; Open model opens it; the newest model there is shown at the next start).</source>
        <translation>已保存到 {0}（“文件 &gt; 打开模型”可以打开它；下次启动时会显示那里最新的模型）。</translation>
    </message>
    <message>
        <source>Not saved: {0}.</source>
        <translation>未保存：{0}。</translation>
    </message>
    <message>
        <source>Training in progress</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A model is being trained. Stop the run and close rnnviz?

The best weights so far are saved to the models folder and shown at the next start.</source>
        <translation>正在训练一个模型。要停止训练并关闭 rnnviz 吗？

目前最好的权重会保存到模型文件夹，并在下次启动时显示。</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>停止并关闭</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The {0} has its own sigmoid gates and tanh: its W stacks one block per gate, so there is no single rho(W) to scale. Its gates decide how much of the past is kept: see Compare cells</source>
        <translation>{0} 有自己的 sigmoid 门和 tanh：它的 W 为每个门堆叠一块，因此没有单一的 rho(W) 可以缩放。由它的门决定保留多少过去的信息：请看“比较单元”</translation>
    </message>
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
        <source>built-in model, UNTRAINED: its starting weights while it trains</source>
        <translation>内置模型，【未训练】：训练期间显示其初始权重</translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation>无法加载 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>StartupJob</name>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Starting the RNN core</source>
        <translation>启动 RNN 核心</translation>
    </message>
    <message>
        <source>Kernels compiled.</source>
        <translation>内核已编译。</translation>
    </message>
    <message>
        <source>Traces run the kernels&apos; Python source (the same numbers) until numba has loaded the compiled kernels from its cache.</source>
        <translation>numba 从缓存载入已编译的内核之前，计算先由内核的 Python 源代码完成（数字完全相同）。</translation>
    </message>
    <message>
        <source>Traces run the kernels&apos; Python source (the same numbers) while numba compiles them in the background.</source>
        <translation>numba 在后台编译内核期间，计算先由内核的 Python 源代码完成（数字完全相同）。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>checking the file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>reading reviews</source>
        <translation>读取影评</translation>
    </message>
    <message>
        <source>tokenising</source>
        <translation>分词</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>loading the cached arrays</source>
        <translation>加载缓存的数组</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>pausing</source>
        <translation>正在暂停</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Choose the data and the settings, then press Start.</source>
        <translation>选择数据和设置，然后按“开始”。</translation>
    </message>
    <message>
        <source>Fix the settings first: {0}</source>
        <translation>请先修正设置：{0}</translation>
    </message>
    <message>
        <source>No copy of IMDb yet. Open a copy you have (Open…), download it (Download), or choose a built-in task.</source>
        <translation>还没有 IMDb 数据。打开你已有的一份（打开…）、下载它（下载），或选择一个内置任务。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>当前批次结束后停止…</translation>
    </message>
    <message>
        <source>Kernels compiling in the background (once)…</source>
        <translation>内核正在后台编译（只需一次）…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Load the data if needed and train from fresh weights</source>
        <translation>需要时加载数据，并从新的初始权重开始训练</translation>
    </message>
    <message>
        <source>Pause after the current batch; the graph shows the weights as they are now</source>
        <translation>在当前批次结束后暂停；计算图显示此刻的权重</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>End the run after the current batch; the best validated weights are kept</source>
        <translation>在当前批次结束后结束训练；保留验证结果最好的权重</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>Recommended settings for this data</source>
        <translation>这份数据的推荐设置</translation>
    </message>
    <message>
        <source>The Keras example&apos;s settings for IMDb; a small quick model for a built-in task</source>
        <translation>IMDb 使用 Keras 示例的设置；内置任务使用一个小而快的模型</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Live plots</source>
        <translation>实时曲线</translation>
    </message>
    <message>
        <source>Test reviews</source>
        <translation>测试集影评</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Every saved run with its model (RNN and cell, or the ordinary network) and test accuracy, side by side</source>
        <translation>并排列出每个已保存的训练结果：它的模型（RNN 及其单元，或普通神经网络）和测试准确率</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Loading the data</source>
        <translation>加载数据</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <source>{0}: {1} of {2}</source>
        <translation>{0}：{1} / {2}</translation>
    </message>
    <message>
        <source>Loading the data: {0}…</source>
        <translation>正在加载数据：{0}…</translation>
    </message>
    <message>
        <source>Stopped before training started.</source>
        <translation>在训练开始之前已停止。</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Training on {0}: {1} training sequences of {2} steps ({3}% held out for validation)…</source>
        <translation>正在 {0} 上训练：{1} 个长度为 {2} 步的训练序列（留出 {3}% 用于验证）…</translation>
    </message>
    <message>
        <source>epoch {0}/{1} · batch {2}/{3}</source>
        <translation>第 {0}/{1} 轮 · 批次 {2}/{3}</translation>
    </message>
    <message>
        <source>{0} elapsed · ETA {1} · {2} sequences/s · loss {3}</source>
        <translation>已用 {0} · 预计还需 {1} · {2} 个序列/秒 · 损失 {3}</translation>
    </message>
    <message>
        <source>Epoch {0}: validation accuracy {1}, loss {2} (best so far: kept)</source>
        <translation>第 {0} 轮：验证集准确率 {1}，损失 {2}（目前最好：已保留）</translation>
    </message>
    <message>
        <source>Epoch {0}: validation accuracy {1}, loss {2}</source>
        <translation>第 {0} 轮：验证集准确率 {1}，损失 {2}</translation>
    </message>
    <message>
        <source>Paused. Test reviews shows the ordinary network&apos;s predictions with the weights as they are now; Resume to go on, Stop to end.</source>
        <translation>已暂停。“测试集影评”显示普通神经网络用当前权重做出的预测；按“继续”接着训练，按“停止”结束。</translation>
    </message>
    <message>
        <source>Paused. The graph shows the weights as they are now; Resume to go on, Stop to end.</source>
        <translation>已暂停。计算图显示此刻的权重；按“继续”接着训练，按“停止”结束。</translation>
    </message>
    <message>
        <source>Test accuracy {0}.</source>
        <translation>测试集准确率 {0}。</translation>
    </message>
    <message>
        <source>{0}.

The graph uses the weights from before the failed step.</source>
        <translation>{0}。

计算图使用失败那一步之前的权重。</translation>
    </message>
    <message numerus="yes">
        <source>Finished after %n epoch(s) in {0}: {1}.</source>
        <translation>
            <numerusform>训练完成：%n 轮，用时 {0}：{1}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epoch(s) in {0}: {1}.</source>
        <translation>
            <numerusform>训练已停止：%n 轮，用时 {0}：{1}。</numerusform>
        </translation>
    </message>
    <message>
        <source>no epoch finished, so the model holds the last good weights (not validated)</source>
        <translation>没有完成任何一轮，所以模型保留最后一组正常的权重（未经验证）</translation>
    </message>
    <message>
        <source>stopped early: no better validation accuracy for {0} epochs; best {1} at epoch {2}</source>
        <translation>早停：连续 {0} 轮验证集准确率没有提高；最好为 {1}，在第 {2} 轮</translation>
    </message>
    <message>
        <source>best validation accuracy {0} at epoch {1}</source>
        <translation>最好的验证集准确率为 {0}，在第 {1} 轮</translation>
    </message>
    <message>
        <source>the model keeps the weights of epoch {0}, the best on validation ({1})</source>
        <translation>模型保留第 {0} 轮的权重，即在验证集上最好的一轮（{1}）</translation>
    </message>
    <message>
        <source>To review it, train once on its data ({0}, T = {1}) in this window: the test reviews are those of the data loaded for training.</source>
        <translation>要查看它对影评的预测，请先在此窗口中用它的数据（{0}，T = {1}）训练一次：测试集影评来自为训练加载的数据。</translation>
    </message>
</context>
</TS>
