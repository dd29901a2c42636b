// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {HardwareAssetRegistry} from "./HardwareAssetRegistry.sol";

/// @notice One financing round for an operator of AI compute or robotics hardware: an ERC-4626 vault over USDC.
///
/// Principal and yield are kept apart:
/// - Principal: `totalAssets = idle + outstanding principal` (outstanding is net of write-downs). The manager
///   deploys idle USDC to a hardware asset's operator, records repayments as the asset amortises, and records
///   write-downs when it is impaired. Only principal moves the share price, and a donation moves nothing.
/// - Real yield: the reporter distributes each asset's net operating revenue in USDC. A protocol fee goes to
///   the treasury; the rest is owed to shareholders pro rata through a reward-per-share accumulator, settled on
///   every mint, burn and transfer, and claimed in cash. Revenue never moves the share price.
/// - Anti just-in-time capture: each distribution is released linearly over `revenueStreamDuration` (a week by
///   default) rather than at once, together with whatever was still streaming. A deposit made just before a
///   distribution and redeemed just after earns only what was released while it was held: its time-weighted
///   share. Revenue released while no shares exist waits in `unallocatedRevenue` and joins the next stream.
/// - Exit: instant `withdraw`/`redeem` up to idle liquidity when no request is queued; beyond that, an
///   ERC-7540-style request locks shares, is filled first in first out as capital comes back (deposits and
///   repayments fill the queue), and its USDC is then claimed. Locked shares keep earning revenue until filled.
contract FinancingPool is ERC4626, AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Category {
        Compute,
        Robotics
    }

    enum Status {
        Raising,
        Active,
        Closed
    }

    struct Params {
        IERC20 usdc;
        HardwareAssetRegistry registry;
        string name;
        string symbol;
        Category category;
        uint256 projectId;
        uint256 depositCap;
        uint256 minDeposit;
        string metadataURI;
        bytes32 metadataHash;
        address admin;
        address manager;
        address reporter;
        address pauser;
        address treasury;
        uint16 protocolFeeBps;
        uint32 revenueStreamDuration;
    }

    struct AssetCapital {
        uint256 deployed;
        uint256 repaid;
        uint256 writtenDown;
    }

    struct Redemption {
        address owner;
        uint256 pendingShares;
        uint256 claimableShares;
        uint256 claimableAssets;
    }

    struct Distribution {
        uint256 assetId;
        uint256 amount;
        uint64 periodStart;
        uint64 periodEnd;
    }

    bytes32 public constant POOL_MANAGER_ROLE = keccak256("POOL_MANAGER_ROLE");
    bytes32 public constant REVENUE_REPORTER_ROLE = keccak256("REVENUE_REPORTER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    uint16 public constant MAX_PROTOCOL_FEE_BPS = 2_000;
    uint32 public constant MIN_STREAM_DURATION = 1 hours;
    uint32 public constant MAX_STREAM_DURATION = 90 days;
    /// @dev Reward-per-share scale. With 18-decimal shares, 1e36 keeps sub-wei precision per share for supplies
    /// up to 1e30 units; products go through mulDiv, so nothing overflows.
    uint256 private constant ACC_PRECISION = 1e36;
    /// @dev Requests filled per call by deposits and repayments; `fillRedemptions` takes the rest.
    uint256 private constant AUTO_FILL_LIMIT = 8;

    HardwareAssetRegistry public immutable registry;
    Category public immutable category;
    uint256 public immutable projectId;
    bytes32 public immutable metadataHash;

    string public metadataURI;
    Status public status;
    uint256 public depositCap;
    uint256 public minDeposit;
    address public treasury;
    uint16 public protocolFeeBps;
    uint32 public revenueStreamDuration;

    // Principal.
    uint256 public idle;
    uint256 public outstandingPrincipal;
    mapping(uint256 assetId => AssetCapital) public assetCapital;

    // Real yield.
    uint256 public accRevenuePerShare;
    uint256 public streamRemaining;
    uint64 public streamEnd;
    uint64 public streamUpdatedAt;
    uint256 public unallocatedRevenue;
    /// @notice USDC owed to shareholders: streaming, released and not yet claimed. Never counted as principal.
    uint256 public revenueHeld;
    uint256 public totalRevenueDistributed;
    uint256 public totalRevenueClaimed;
    mapping(address account => uint256) private _revenuePaidPerShare;
    mapping(address account => uint256) private _revenueOwed;

    // Queued exits.
    Redemption[] private _requests;
    uint256 public queueHead;
    uint256 public pendingRedeemShares;
    uint256 public reservedForRedemptions;
    mapping(address owner => uint256) public lockedShares;

    event PoolStatusChanged(Status previousStatus, Status status);
    event DepositLimitsUpdated(uint256 depositCap, uint256 minDeposit);
    event ProtocolFeeUpdated(address treasury, uint16 protocolFeeBps);
    event CapitalDeployed(uint256 indexed assetId, address indexed operator, uint256 amount);
    event PrincipalRepaid(uint256 indexed assetId, address indexed payer, uint256 amount);
    event PrincipalWrittenDown(uint256 indexed assetId, uint256 amount);
    event RevenueDistributed(
        uint256 indexed assetId,
        uint256 grossAmount,
        uint256 protocolFee,
        uint256 netAmount,
        uint64 periodStart,
        uint64 periodEnd,
        uint64 streamEnd
    );
    event RevenueClaimed(address indexed account, address indexed receiver, uint256 amount);
    event RedeemRequest(
        address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares
    );
    event RedeemRequestCancelled(uint256 indexed requestId, address indexed owner, uint256 shares);
    event RedeemRequestFilled(uint256 indexed requestId, address indexed owner, uint256 shares, uint256 assets);
    event RedemptionClaimed(uint256 indexed requestId, address indexed owner, address indexed receiver, uint256 assets);

    error DepositsClosed();
    error BelowMinimumDeposit(uint256 assets, uint256 minDeposit);
    error FeeOnTransferNotSupported(uint256 expected, uint256 received);
    error AssetNotInPool(uint256 assetId);
    error AssetNotFinanceable(uint256 assetId);
    error InsufficientIdle(uint256 requested, uint256 idle);
    error ExceedsOutstanding(uint256 assetId, uint256 amount, uint256 outstanding);
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    error InvalidParameter();
    error InvalidStatusChange(Status from, Status to);
    error SharesLocked(address owner, uint256 requested, uint256 unlocked);
    error UnknownRequest(uint256 requestId);
    error NotRequestOwner(uint256 requestId, address caller);
    error NothingToClaim();
    error ZeroAmount();

    constructor(Params memory p) ERC20(p.name, p.symbol) ERC4626(p.usdc) {
        if (
            address(p.registry) == address(0) || p.admin == address(0) || p.treasury == address(0)
                || p.protocolFeeBps > MAX_PROTOCOL_FEE_BPS || p.revenueStreamDuration < MIN_STREAM_DURATION
                || p.revenueStreamDuration > MAX_STREAM_DURATION || p.minDeposit > p.depositCap
        ) revert InvalidParameter();
        registry = p.registry;
        category = p.category;
        projectId = p.projectId;
        metadataHash = p.metadataHash;
        metadataURI = p.metadataURI;
        depositCap = p.depositCap;
        minDeposit = p.minDeposit;
        treasury = p.treasury;
        protocolFeeBps = p.protocolFeeBps;
        revenueStreamDuration = p.revenueStreamDuration;
        streamUpdatedAt = uint64(block.timestamp);
        _grantRole(DEFAULT_ADMIN_ROLE, p.admin);
        if (p.manager != address(0)) _grantRole(POOL_MANAGER_ROLE, p.manager);
        if (p.reporter != address(0)) _grantRole(REVENUE_REPORTER_ROLE, p.reporter);
        if (p.pauser != address(0)) _grantRole(PAUSER_ROLE, p.pauser);
    }

    // ─── ERC-4626 ──────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Principal: idle USDC plus capital deployed into hardware, net of repayments and write-downs.
    function totalAssets() public view override returns (uint256) {
        return idle + outstandingPrincipal;
    }

    function maxDeposit(address) public view override returns (uint256) {
        if (paused() || status == Status.Closed) return 0;
        uint256 assets = totalAssets();
        uint256 room = assets >= depositCap ? 0 : depositCap - assets;
        // Room below the minimum deposit cannot be used: say so, as ERC-4626 asks.
        return room < minDeposit ? 0 : room;
    }

    function maxMint(address receiver) public view override returns (uint256) {
        return convertToShares(maxDeposit(receiver));
    }

    /// @notice What `owner` can take out right now: its unlocked shares, up to idle liquidity, and nothing while
    /// earlier redemption requests wait in the queue.
    function maxWithdraw(address owner) public view override returns (uint256) {
        if (_queueWaiting()) return 0;
        return Math.min(previewRedeem(unlockedShares(owner)), idle);
    }

    function maxRedeem(address owner) public view override returns (uint256) {
        if (_queueWaiting()) return 0;
        return Math.min(unlockedShares(owner), _convertToShares(idle, Math.Rounding.Floor));
    }

    function deposit(uint256 assets, address receiver) public override nonReentrant returns (uint256) {
        return super.deposit(assets, receiver);
    }

    function mint(uint256 shares, address receiver) public override nonReentrant returns (uint256) {
        return super.mint(shares, receiver);
    }

    function withdraw(uint256 assets, address receiver, address owner) public override nonReentrant returns (uint256) {
        return super.withdraw(assets, receiver, owner);
    }

    function redeem(uint256 shares, address receiver, address owner) public override nonReentrant returns (uint256) {
        return super.redeem(shares, receiver, owner);
    }

    /// @notice Approve (EIP-2612) and deposit in one transaction. A permit already used (front-run) is ignored
    /// when the allowance it granted is there.
    function depositWithPermit(uint256 assets, address receiver, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256)
    {
        try IERC20Permit(asset()).permit(msg.sender, address(this), assets, deadline, v, r, s) {} catch {}
        return super.deposit(assets, receiver);
    }

    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        if (paused() || status == Status.Closed) revert DepositsClosed();
        if (assets == 0 || shares == 0) revert ZeroAmount();
        if (assets < minDeposit) revert BelowMinimumDeposit(assets, minDeposit);
        IERC20 usdc = IERC20(asset());
        uint256 before = usdc.balanceOf(address(this));
        usdc.safeTransferFrom(caller, address(this), assets);
        uint256 received = usdc.balanceOf(address(this)) - before;
        if (received != assets) revert FeeOnTransferNotSupported(assets, received);
        idle += assets;
        _mint(receiver, shares);
        emit Deposit(caller, receiver, assets, shares);
        _fillQueue(AUTO_FILL_LIMIT);
    }

    function _withdraw(address caller, address receiver, address owner, uint256 assets, uint256 shares)
        internal
        override
    {
        if (assets > idle) revert InsufficientIdle(assets, idle);
        idle -= assets;
        super._withdraw(caller, receiver, owner, assets, shares);
    }

    /// @dev Shares carry 12 more decimals than USDC (18 in all). With the virtual shares and assets this adds, a
    /// first-depositor donation attack costs the attacker about 1e12 times what it could steal; and donations do
    /// not count toward totalAssets at all.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }

    /// @dev Every balance change settles revenue for both sides first, and locked shares cannot move.
    function _update(address from, address to, uint256 value) internal override {
        _accrueRevenue();
        if (from != address(0)) {
            _settle(from);
            uint256 unlocked = balanceOf(from) - lockedShares[from];
            if (value > unlocked) revert SharesLocked(from, value, unlocked);
        }
        if (to != address(0) && to != from) _settle(to);
        super._update(from, to, value);
    }

    // ─── Lifecycle and parameters ──────────────────────────────────────────────────────────────────────────

    function activate() external onlyRole(POOL_MANAGER_ROLE) {
        _setStatus(Status.Raising, Status.Active);
    }

    /// @notice Wind-down: no more deposits or deployments; repayments, revenue and exits go on.
    function close() external onlyRole(POOL_MANAGER_ROLE) {
        if (status == Status.Closed) revert InvalidStatusChange(status, Status.Closed);
        _setStatus(status, Status.Closed);
    }

    function setDepositLimits(uint256 newCap, uint256 newMinDeposit) external onlyRole(POOL_MANAGER_ROLE) {
        if (newMinDeposit > newCap) revert InvalidParameter();
        depositCap = newCap;
        minDeposit = newMinDeposit;
        emit DepositLimitsUpdated(newCap, newMinDeposit);
    }

    function setProtocolFee(address newTreasury, uint16 newFeeBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0) || newFeeBps > MAX_PROTOCOL_FEE_BPS) revert InvalidParameter();
        treasury = newTreasury;
        protocolFeeBps = newFeeBps;
        emit ProtocolFeeUpdated(newTreasury, newFeeBps);
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function _setStatus(Status from, Status to) private {
        if (status != from) revert InvalidStatusChange(status, to);
        status = to;
        emit PoolStatusChanged(from, to);
    }

    // ─── Capital ───────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Sends idle USDC to the operator of one of this pool's hardware assets.
    function deployCapital(uint256 assetId, uint256 amount) external nonReentrant onlyRole(POOL_MANAGER_ROLE) {
        if (status == Status.Closed) revert DepositsClosed();
        if (amount == 0) revert ZeroAmount();
        address operator = _operatorOfOwnAsset(assetId);
        HardwareAssetRegistry.Status assetStatus = registry.statusOf(assetId);
        if (assetStatus == HardwareAssetRegistry.Status.Retired || assetStatus == HardwareAssetRegistry.Status.Impaired) {
            revert AssetNotFinanceable(assetId);
        }
        if (amount > idle) revert InsufficientIdle(amount, idle);
        if (status == Status.Raising) _setStatus(Status.Raising, Status.Active);
        idle -= amount;
        outstandingPrincipal += amount;
        assetCapital[assetId].deployed += amount;
        IERC20(asset()).safeTransfer(operator, amount);
        emit CapitalDeployed(assetId, operator, amount);
    }

    /// @notice Takes back principal of an asset from the caller (the operator's repayment, passed on by the
    /// manager) and lets it serve queued exits first.
    function recordRepayment(uint256 assetId, uint256 amount) external nonReentrant onlyRole(POOL_MANAGER_ROLE) {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        uint256 outstanding = _outstanding(assetId);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        _pull(msg.sender, amount);
        assetCapital[assetId].repaid += amount;
        outstandingPrincipal -= amount;
        idle += amount;
        emit PrincipalRepaid(assetId, msg.sender, amount);
        _fillQueue(AUTO_FILL_LIMIT);
    }

    /// @notice Marks principal of an impaired asset as lost: the share price falls by it.
    function recordWriteDown(uint256 assetId, uint256 amount) external onlyRole(POOL_MANAGER_ROLE) {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        uint256 outstanding = _outstanding(assetId);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        assetCapital[assetId].writtenDown += amount;
        outstandingPrincipal -= amount;
        emit PrincipalWrittenDown(assetId, amount);
    }

    function outstandingOf(uint256 assetId) external view returns (uint256) {
        return _outstanding(assetId);
    }

    function _outstanding(uint256 assetId) private view returns (uint256) {
        AssetCapital storage c = assetCapital[assetId];
        return c.deployed - c.repaid - c.writtenDown;
    }

    function _operatorOfOwnAsset(uint256 assetId) private view returns (address) {
        if (registry.poolOf(assetId) != address(this)) revert AssetNotInPool(assetId);
        return registry.operatorOf(assetId);
    }

    // ─── Real yield ────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Distributes an asset's net operating revenue for a past period, pulled in USDC from the reporter.
    function distributeRevenue(uint256 assetId, uint256 amount, uint64 periodStart, uint64 periodEnd)
        external
        nonReentrant
        whenNotPaused
        onlyRole(REVENUE_REPORTER_ROLE)
    {
        _pull(msg.sender, amount);
        _accrueRevenue();
        _startStream(_recordDistribution(assetId, amount, periodStart, periodEnd));
    }

    /// @notice Several assets' revenue in one transaction (one transfer, one stream update).
    function distributeRevenueBatch(Distribution[] calldata distributions)
        external
        nonReentrant
        whenNotPaused
        onlyRole(REVENUE_REPORTER_ROLE)
    {
        uint256 total;
        for (uint256 i = 0; i < distributions.length; i++) {
            total += distributions[i].amount;
        }
        _pull(msg.sender, total);
        _accrueRevenue();
        uint256 net;
        for (uint256 i = 0; i < distributions.length; i++) {
            Distribution calldata d = distributions[i];
            net += _recordDistribution(d.assetId, d.amount, d.periodStart, d.periodEnd);
        }
        _startStream(net);
    }

    /// @notice Pays the caller's claimable revenue, in USDC, to `receiver`. Works while paused.
    function claim(address receiver) external nonReentrant returns (uint256 amount) {
        _accrueRevenue();
        _settle(msg.sender);
        amount = _revenueOwed[msg.sender];
        if (amount == 0) revert NothingToClaim();
        _revenueOwed[msg.sender] = 0;
        revenueHeld -= amount;
        totalRevenueClaimed += amount;
        IERC20(asset()).safeTransfer(receiver, amount);
        emit RevenueClaimed(msg.sender, receiver, amount);
    }

    /// @notice Revenue `account` could claim now, released streaming included.
    function claimableRevenue(address account) public view returns (uint256) {
        (uint256 acc,,) = _previewAccrual();
        return _revenueOwed[account] + Math.mulDiv(balanceOf(account), acc - _revenuePaidPerShare[account], ACC_PRECISION);
    }

    /// @notice Net revenue still streaming (distributed, not yet released to holders).
    function streamingRevenue() external view returns (uint256 remaining) {
        (, remaining,) = _previewAccrual();
    }

    function _recordDistribution(uint256 assetId, uint256 amount, uint64 periodStart, uint64 periodEnd)
        private
        returns (uint256 net)
    {
        if (amount == 0) revert ZeroAmount();
        if (periodEnd <= periodStart || periodEnd > block.timestamp) revert InvalidPeriod(periodStart, periodEnd);
        _operatorOfOwnAsset(assetId);
        uint256 fee = (amount * protocolFeeBps) / 10_000;
        net = amount - fee;
        if (fee > 0) IERC20(asset()).safeTransfer(treasury, fee);
        totalRevenueDistributed += net;
        revenueHeld += net;
        emit RevenueDistributed(assetId, amount, fee, net, periodStart, periodEnd, uint64(block.timestamp) + revenueStreamDuration);
    }

    /// @dev Adds `net` to what is streaming and releases the sum linearly over a fresh window.
    function _startStream(uint256 net) private {
        streamRemaining += net + unallocatedRevenue;
        unallocatedRevenue = 0;
        streamEnd = uint64(block.timestamp) + revenueStreamDuration;
        streamUpdatedAt = uint64(block.timestamp);
    }

    function _accrueRevenue() private {
        (uint256 acc, uint256 remaining, uint256 unallocated) = _previewAccrual();
        if (unallocated > 0 && totalSupply() > 0) {
            // Revenue released while no shares existed streams to the holders there are now, over a full window
            // (so that it, too, cannot be captured just in time).
            remaining += unallocated;
            unallocated = 0;
            uint64 end = uint64(block.timestamp) + revenueStreamDuration;
            if (streamEnd < end) streamEnd = end;
        }
        accRevenuePerShare = acc;
        streamRemaining = remaining;
        unallocatedRevenue = unallocated;
        streamUpdatedAt = uint64(block.timestamp);
    }

    /// @dev What the stream has released since the last update: remaining × elapsed ÷ time left, exact at the end.
    function _previewAccrual() private view returns (uint256 acc, uint256 remaining, uint256 unallocated) {
        acc = accRevenuePerShare;
        remaining = streamRemaining;
        unallocated = unallocatedRevenue;
        uint256 last = streamUpdatedAt;
        if (remaining == 0 || block.timestamp <= last) return (acc, remaining, unallocated);
        uint256 released = block.timestamp >= streamEnd ? remaining : Math.mulDiv(remaining, block.timestamp - last, streamEnd - last);
        remaining -= released;
        uint256 supply = totalSupply();
        if (supply == 0) {
            unallocated += released;
        } else {
            acc += Math.mulDiv(released, ACC_PRECISION, supply);
        }
    }

    function _settle(address account) private {
        uint256 acc = accRevenuePerShare;
        uint256 paid = _revenuePaidPerShare[account];
        if (acc != paid) {
            _revenueOwed[account] += Math.mulDiv(balanceOf(account), acc - paid, ACC_PRECISION);
            _revenuePaidPerShare[account] = acc;
        }
    }

    // ─── Queued exits (ERC-7540 style) ─────────────────────────────────────────────────────────────────────

    /// @notice Locks `shares` of the caller in the redemption queue; they are redeemed at the price of the day
    /// they are filled. Returns the request id.
    function requestRedeem(uint256 shares) external nonReentrant returns (uint256 requestId) {
        if (shares == 0) revert ZeroAmount();
        uint256 unlocked = unlockedShares(msg.sender);
        if (shares > unlocked) revert SharesLocked(msg.sender, shares, unlocked);
        lockedShares[msg.sender] += shares;
        pendingRedeemShares += shares;
        requestId = _requests.length;
        _requests.push(Redemption({owner: msg.sender, pendingShares: shares, claimableShares: 0, claimableAssets: 0}));
        emit RedeemRequest(msg.sender, msg.sender, requestId, msg.sender, shares);
        _fillQueue(AUTO_FILL_LIMIT);
    }

    /// @notice Withdraws what is still pending of a request; what was filled stays claimable.
    function cancelRedeemRequest(uint256 requestId) external nonReentrant {
        Redemption storage r = _ownRequest(requestId);
        uint256 shares = r.pendingShares;
        if (shares == 0) revert NothingToClaim();
        r.pendingShares = 0;
        lockedShares[msg.sender] -= shares;
        pendingRedeemShares -= shares;
        emit RedeemRequestCancelled(requestId, msg.sender, shares);
    }

    /// @notice Pays out the filled part of a request. Works while paused.
    function claimRedemption(uint256 requestId, address receiver) external nonReentrant returns (uint256 assets) {
        Redemption storage r = _ownRequest(requestId);
        assets = r.claimableAssets;
        if (assets == 0) revert NothingToClaim();
        r.claimableAssets = 0;
        r.claimableShares = 0;
        reservedForRedemptions -= assets;
        IERC20(asset()).safeTransfer(receiver, assets);
        emit RedemptionClaimed(requestId, msg.sender, receiver, assets);
    }

    /// @notice Fills up to `maxRequests` queued requests from idle USDC, oldest first. Anyone may call it.
    function fillRedemptions(uint256 maxRequests) external nonReentrant returns (uint256 filled) {
        return _fillQueue(maxRequests);
    }

    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Redemption storage r = _request(requestId);
        return r.owner == controller ? r.pendingShares : 0;
    }

    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Redemption storage r = _request(requestId);
        return r.owner == controller ? r.claimableShares : 0;
    }

    function redeemRequest(uint256 requestId) external view returns (Redemption memory) {
        return _request(requestId);
    }

    function redeemRequestCount() external view returns (uint256) {
        return _requests.length;
    }

    /// @notice Shares queued ahead of a request (0 when it is next, or no longer pending).
    function sharesAheadOf(uint256 requestId) external view returns (uint256 ahead) {
        if (_request(requestId).pendingShares == 0) return 0;
        for (uint256 i = queueHead; i < requestId; i++) {
            ahead += _requests[i].pendingShares;
        }
    }

    function unlockedShares(address owner) public view returns (uint256) {
        return balanceOf(owner) - lockedShares[owner];
    }

    function _queueWaiting() private view returns (bool) {
        return pendingRedeemShares > 0;
    }

    function _fillQueue(uint256 maxRequests) private returns (uint256 filled) {
        uint256 head = queueHead;
        uint256 length = _requests.length;
        while (head < length && filled < maxRequests && idle > 0) {
            Redemption storage r = _requests[head];
            uint256 shares = r.pendingShares;
            if (shares == 0) {
                head++;
                continue;
            }
            uint256 assets = previewRedeem(shares);
            if (assets > idle) {
                shares = _convertToShares(idle, Math.Rounding.Floor);
                assets = previewRedeem(shares);
                // Idle worth less than one unit of USDC at this price: never burn shares for nothing.
                if (assets == 0) break;
            }
            r.pendingShares -= shares;
            r.claimableShares += shares;
            r.claimableAssets += assets;
            pendingRedeemShares -= shares;
            lockedShares[r.owner] -= shares;
            idle -= assets;
            reservedForRedemptions += assets;
            _burn(r.owner, shares);
            emit RedeemRequestFilled(head, r.owner, shares, assets);
            filled++;
            if (r.pendingShares > 0) break; // partly filled: idle is used up
            head++;
        }
        queueHead = head;
    }

    function _request(uint256 requestId) private view returns (Redemption storage) {
        if (requestId >= _requests.length) revert UnknownRequest(requestId);
        return _requests[requestId];
    }

    function _ownRequest(uint256 requestId) private view returns (Redemption storage r) {
        r = _request(requestId);
        if (r.owner != msg.sender) revert NotRequestOwner(requestId, msg.sender);
    }

    function _pull(address from, uint256 amount) private {
        IERC20 usdc = IERC20(asset());
        uint256 before = usdc.balanceOf(address(this));
        usdc.safeTransferFrom(from, address(this), amount);
        uint256 received = usdc.balanceOf(address(this)) - before;
        if (received != amount) revert FeeOnTransferNotSupported(amount, received);
    }

    function supportsInterface(bytes4 interfaceId) public view override(AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
